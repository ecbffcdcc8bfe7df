package dev.cairn.client;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.GlobalDataConverter;
import java.util.Objects;

/** How a {@link WorkflowClient} talks: its namespace, data converter and identity, as in Temporal. */
public final class WorkflowClientOptions {
  private static final WorkflowClientOptions DEFAULT = newBuilder().build();

  private final String namespace;
  private final DataConverter dataConverter;
  private final String identity;

  private WorkflowClientOptions(Builder b) {
    this.namespace = b.namespace == null ? "default" : b.namespace;
    this.dataConverter = b.dataConverter == null ? GlobalDataConverter.get() : b.dataConverter;
    this.identity = b.identity;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public static Builder newBuilder(WorkflowClientOptions options) {
    return new Builder().setNamespace(options.namespace).setDataConverter(options.dataConverter)
        .setIdentity(options.identity);
  }

  public static WorkflowClientOptions getDefaultInstance() {
    return DEFAULT;
  }

  public Builder toBuilder() {
    return newBuilder(this);
  }

  public String getNamespace() {
    return namespace;
  }

  public DataConverter getDataConverter() {
    return dataConverter;
  }

  public String getIdentity() {
    return identity;
  }

  public static final class Builder {
    private String namespace;
    private DataConverter dataConverter;
    private String identity;

    private Builder() {}

    public Builder setNamespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder setDataConverter(DataConverter dataConverter) {
      this.dataConverter = Objects.requireNonNull(dataConverter, "dataConverter");
      return this;
    }

    public Builder setIdentity(String identity) {
      this.identity = identity;
      return this;
    }

    public WorkflowClientOptions build() {
      return new WorkflowClientOptions(this);
    }

    /** Temporal's name for {@link #build()}. */
    public WorkflowClientOptions validateAndBuildWithDefaults() {
      return build();
    }
  }
}
