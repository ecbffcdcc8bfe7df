package dev.cairn.client;

import java.lang.reflect.Type;
import java.util.Objects;

/** How to send an update: its name, its id (the deduplication key), how long to wait, its result type. */
public final class UpdateOptions<T> {
  private final String updateName;
  private final String updateId;
  private final String firstExecutionRunId;
  private final WorkflowUpdateStage waitForStage;
  private final Class<T> resultClass;
  private final Type resultType;

  private UpdateOptions(Builder<T> b) {
    updateName = b.updateName;
    updateId = b.updateId;
    firstExecutionRunId = b.firstExecutionRunId;
    waitForStage = b.waitForStage;
    resultClass = b.resultClass;
    resultType = b.resultType == null ? b.resultClass : b.resultType;
  }

  public static <T> Builder<T> newBuilder() {
    return new Builder<>();
  }

  public static <T> Builder<T> newBuilder(Class<T> resultClass) {
    return new Builder<T>().setResultClass(resultClass);
  }

  public static <T> Builder<T> newBuilder(UpdateOptions<T> options) {
    return new Builder<>(options);
  }

  public Builder<T> toBuilder() {
    return new Builder<>(this);
  }

  public String getUpdateName() { return updateName; }

  public String getUpdateId() { return updateId; }

  public String getFirstExecutionRunId() { return firstExecutionRunId; }

  public WorkflowUpdateStage getWaitForStage() { return waitForStage; }

  public Class<T> getResultClass() { return resultClass; }

  public Type getResultType() { return resultType; }

  /** As Temporal: the name, the stage to wait for and the result class are required. */
  public void validate() {
    if (updateName == null || updateName.isEmpty()) {
      throw new IllegalStateException("updateName is required");
    }
    if (waitForStage == null) {
      throw new IllegalStateException("waitForStage is required");
    }
    if (resultClass == null) {
      throw new IllegalStateException("resultClass is required");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UpdateOptions<?> u && Objects.equals(updateName, u.updateName)
        && Objects.equals(updateId, u.updateId) && Objects.equals(firstExecutionRunId, u.firstExecutionRunId)
        && waitForStage == u.waitForStage && Objects.equals(resultClass, u.resultClass)
        && Objects.equals(resultType, u.resultType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(updateName, updateId, firstExecutionRunId, waitForStage, resultClass, resultType);
  }

  @Override
  public String toString() {
    return "UpdateOptions{updateName='" + updateName + "', updateId='" + updateId + "', waitForStage="
        + waitForStage + ", resultClass=" + resultClass + '}';
  }

  public static final class Builder<T> {
    private String updateName;
    private String updateId;
    private String firstExecutionRunId;
    private WorkflowUpdateStage waitForStage;
    private Class<T> resultClass;
    private Type resultType;

    private Builder() {}

    private Builder(UpdateOptions<T> o) {
      if (o != null) {
        updateName = o.updateName;
        updateId = o.updateId;
        firstExecutionRunId = o.firstExecutionRunId;
        waitForStage = o.waitForStage;
        resultClass = o.resultClass;
        resultType = o.resultType;
      }
    }

    public Builder<T> setUpdateName(String updateName) {
      this.updateName = updateName;
      return this;
    }

    /** A second update with the same id on the same run gets the first one's outcome, not a second run. */
    public Builder<T> setUpdateId(String updateId) {
      this.updateId = updateId;
      return this;
    }

    public Builder<T> setFirstExecutionRunId(String firstExecutionRunId) {
      this.firstExecutionRunId = firstExecutionRunId;
      return this;
    }

    public Builder<T> setWaitForStage(WorkflowUpdateStage waitForStage) {
      this.waitForStage = waitForStage;
      return this;
    }

    public Builder<T> setResultClass(Class<T> resultClass) {
      this.resultClass = resultClass;
      return this;
    }

    public Builder<T> setResultType(Type resultType) {
      this.resultType = resultType;
      return this;
    }

    public UpdateOptions<T> build() {
      return new UpdateOptions<>(this);
    }
  }
}
