package dev.cairn.internal.store;

import java.util.Objects;

/** One run of a workflow: what every store operation is keyed by. */
public record ExecutionKey(String workflowId, String runId) {
  public ExecutionKey {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(runId, "runId");
  }

  @Override
  public String toString() {
    return workflowId + "/" + runId;
  }
}
