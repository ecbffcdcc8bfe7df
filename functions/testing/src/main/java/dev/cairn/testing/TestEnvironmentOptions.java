package dev.cairn.testing;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.GlobalDataConverter;

/** Options of a {@link TestWorkflowEnvironment}. */
public final class TestEnvironmentOptions {
  private final DataConverter dataConverter;
  private final String namespace;

  private TestEnvironmentOptions(Builder b) {
    this.dataConverter = b.dataConverter;
    this.namespace = b.namespace;
  }

  public static Builder newBuilder() {
    return new Builder();
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

  public static final class Builder {
    private DataConverter dataConverter;
    private String namespace = "default";

    public Builder setDataConverter(DataConverter dataConverter) {
      this.dataConverter = dataConverter;
      return this;
    }

    public Builder setNamespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public TestEnvironmentOptions build() {
      return new TestEnvironmentOptions(this);
    }
  }
}
