package dev.cairn.testing;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.GlobalDataConverter;
import java.time.Instant;

/** Options of a {@link TestWorkflowEnvironment}. */
public final class TestEnvironmentOptions {
  private final DataConverter dataConverter;
  private final String namespace;
  private final boolean useTimeskipping;
  private final long initialTimeMillis;

  private TestEnvironmentOptions(Builder b) {
    this.dataConverter = b.dataConverter;
    this.namespace = b.namespace;
    this.useTimeskipping = b.useTimeskipping;
    this.initialTimeMillis = b.initialTimeMillis;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public static Builder newBuilder(TestEnvironmentOptions options) {
    return new Builder().setDataConverter(options.dataConverter).setNamespace(options.namespace)
        .setUseTimeskipping(options.useTimeskipping).setInitialTimeMillis(options.initialTimeMillis);
  }

  public static TestEnvironmentOptions getDefaultInstance() {
    return newBuilder().build();
  }

  public DataConverter getDataConverter() {
    return dataConverter == null ? GlobalDataConverter.get() : dataConverter;
  }

  public String getNamespace() {
    return namespace;
  }

  /** Whether time jumps to the next timer while a test waits for a result; true by default. */
  public boolean isUseTimeskipping() {
    return useTimeskipping;
  }

  /** The test clock's start in epoch milliseconds; 0 means the current time. */
  public long getInitialTimeMillis() {
    return initialTimeMillis;
  }

  public static final class Builder {
    private DataConverter dataConverter;
    private String namespace = "default";
    private boolean useTimeskipping = true;
    private long initialTimeMillis;

    public Builder setDataConverter(DataConverter dataConverter) {
      this.dataConverter = dataConverter;
      return this;
    }

    public Builder setNamespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder setUseTimeskipping(boolean useTimeskipping) {
      this.useTimeskipping = useTimeskipping;
      return this;
    }

    public Builder setInitialTimeMillis(long initialTimeMillis) {
      this.initialTimeMillis = initialTimeMillis;
      return this;
    }

    public Builder setInitialTime(Instant initialTime) {
      this.initialTimeMillis = initialTime.toEpochMilli();
      return this;
    }

    public TestEnvironmentOptions build() {
      return new TestEnvironmentOptions(this);
    }
  }
}
