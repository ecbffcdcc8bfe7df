package dev.cairn.internal.replay;

import dev.cairn.internal.history.EventAttributes.WorkflowExecutionStarted;

/** Identity and start attributes of the run being replayed. */
public record RunInfo(String namespace, String workflowId, String runId, WorkflowExecutionStarted started) {
  public String workflowType() {
    return started.workflowType();
  }

  public String taskQueue() {
    return started.taskQueue();
  }

  /** Seeds Workflow.newRandom and randomUUID: fixed per run, so replay draws the same numbers. */
  long randomSeed() {
    long h = 1125899906842597L;
    for (char c : runId.toCharArray()) {
      h = 31 * h + c;
    }
    return h;
  }
}
