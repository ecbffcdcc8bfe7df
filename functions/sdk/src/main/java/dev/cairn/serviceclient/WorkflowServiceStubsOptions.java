package dev.cairn.serviceclient;

/**
 * Where a client's workflows run. Without a target the engine runs embedded in this JVM; with one
 * ({@code http://127.0.0.1:8233} of {@code ./cairn local}, or a deployed stack's API URL) the client
 * talks to that HTTP API.
 */
public final class WorkflowServiceStubsOptions {
  private static final WorkflowServiceStubsOptions DEFAULT = newBuilder().build();

  private final String target;
  private final boolean enableHttps;
  private final boolean awsSigV4;

  private WorkflowServiceStubsOptions(Builder b) {
    this.target = b.target == null || b.target.isBlank() ? null : b.target.trim();
    this.enableHttps = b.enableHttps;
    this.awsSigV4 = b.awsSigV4;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public static Builder newBuilder(WorkflowServiceStubsOptions options) {
    return new Builder().setTarget(options.target).setEnableHttps(options.enableHttps).setAwsSigV4(options.awsSigV4);
  }

  public static WorkflowServiceStubsOptions getDefaultInstance() {
    return DEFAULT;
  }

  /** The HTTP API's address, or null: then the engine runs embedded. */
  public String getTarget() {
    return target;
  }

  public boolean getEnableHttps() {
    return enableHttps;
  }

  /** Whether requests are signed with AWS SigV4 (API Gateway with IAM auth). */
  public boolean getAwsSigV4() {
    return awsSigV4;
  }

  public static final class Builder {
    private String target;
    private boolean enableHttps;
    private boolean awsSigV4;

    private Builder() {}

    /**
     * The HTTP API's address: a URL ({@code https://abc.execute-api.eu-west-1.amazonaws.com/Prod}) or
     * {@code host:port} (then http, or https with {@link #setEnableHttps}).
     */
    public Builder setTarget(String target) {
      this.target = target;
      return this;
    }

    public Builder setEnableHttps(boolean enableHttps) {
      this.enableHttps = enableHttps;
      return this;
    }

    public Builder setAwsSigV4(boolean awsSigV4) {
      this.awsSigV4 = awsSigV4;
      return this;
    }

    public WorkflowServiceStubsOptions build() {
      return new WorkflowServiceStubsOptions(this);
    }

    /** Temporal's name for {@link #build()}. */
    public WorkflowServiceStubsOptions validateAndBuildWithDefaults() {
      return build();
    }
  }
}
