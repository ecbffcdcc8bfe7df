package dev.cairn.internal.replay;

import dev.cairn.internal.history.EventAttributes.WorkflowExecutionStarted;

/**
 * Identity and start attributes of the run being replayed, and the history length from which
 * {@code WorkflowInfo.isContinueAsNewSuggested()} says yes (the runtime's warning threshold).
 */
public record RunInfo(String namespace, String workflowId, String runId, WorkflowExecutionStarted started,
    long continueAsNewSuggestedAt) {
  public RunInfo(String namespace, String workflowId, String runId, WorkflowExecutionStarted started) {
    this(namespace, workflowId, runId, started, WorkflowInfoImpl.DEFAULT_SUGGEST_CONTINUE_AS_NEW_AT);
  }

  public String workflowType() {
    return started.workflowType();
  }

  public String taskQueue() {
    return started.taskQueue();
  }

  /**
   * Seeds Workflow.newRandom and randomUUID: fixed per run, so replay draws the same numbers. Taken
   * from the history (the run id the run started with) so that any reader of the history, the
   * replayer included, draws what the run drew; histories written before that attribute use the id
   * the caller knows the run by.
   */
  long randomSeed() {
    String seed = started.originalExecutionRunId() != null ? started.originalExecutionRunId() : runId;
    long h = 1125899906842597L;
    for (char c : seed.toCharArray()) {
      h = 31 * h + c;
    }
    return h;
  }
}
