package dev.cairn.api.common.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Identifies one run of a workflow. Temporal keeps this as a protobuf message; Cairn mirrors its
 * accessors as a plain immutable type so ported code compiles unchanged. Unset fields are empty
 * strings, as protobuf getters return.
 */
public final class WorkflowExecution {
  private static final WorkflowExecution DEFAULT_INSTANCE = new WorkflowExecution("", "");

  private final String workflowId;
  private final String runId;

  @JsonCreator
  private WorkflowExecution(
      @JsonProperty("workflowId") String workflowId, @JsonProperty("runId") String runId) {
    this.workflowId = workflowId == null ? "" : workflowId;
    this.runId = runId == null ? "" : runId;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public static Builder newBuilder(WorkflowExecution prototype) {
    return new Builder().mergeFrom(prototype);
  }

  public static WorkflowExecution getDefaultInstance() {
    return DEFAULT_INSTANCE;
  }

  public Builder toBuilder() {
    return newBuilder(this);
  }

  @JsonProperty("workflowId")
  public String getWorkflowId() {
    return workflowId;
  }

  @JsonProperty("runId")
  public String getRunId() {
    return runId;
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof WorkflowExecution w
            && workflowId.equals(w.workflowId)
            && runId.equals(w.runId));
  }

  @Override
  public int hashCode() {
    return Objects.hash(workflowId, runId);
  }

  @Override
  public String toString() {
    return "WorkflowExecution{workflowId='" + workflowId + "', runId='" + runId + "'}";
  }

  public static final class Builder {
    private String workflowId = "";
    private String runId = "";

    private Builder() {}

    public Builder mergeFrom(WorkflowExecution other) {
      if (other != null) {
        if (!other.workflowId.isEmpty()) workflowId = other.workflowId;
        if (!other.runId.isEmpty()) runId = other.runId;
      }
      return this;
    }

    /** Rejects null as protobuf builders do, so a missing id fails where it is set. */
    public Builder setWorkflowId(String workflowId) {
      this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
      return this;
    }

    public Builder setRunId(String runId) {
      this.runId = Objects.requireNonNull(runId, "runId");
      return this;
    }

    public Builder clearRunId() {
      this.runId = "";
      return this;
    }

    public String getWorkflowId() {
      return workflowId;
    }

    public String getRunId() {
      return runId;
    }

    public WorkflowExecution build() {
      return new WorkflowExecution(workflowId, runId);
    }
  }
}
