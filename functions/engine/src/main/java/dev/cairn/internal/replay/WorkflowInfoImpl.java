package dev.cairn.internal.replay;

import dev.cairn.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.Optional;

/** A snapshot of {@link RunInfo} for workflow code. */
final class WorkflowInfoImpl implements WorkflowInfo {
  /** HistoryLimits.DEFAULT's warning threshold, for callers that pass no limit. */
  static final long DEFAULT_SUGGEST_CONTINUE_AS_NEW_AT = 10_240;

  private final RunInfo info;
  private final long historyLength;

  private final long runStartedMillis;

  WorkflowInfoImpl(RunInfo info, long historyLength, long runStartedMillis) {
    this.info = info;
    this.historyLength = historyLength;
    this.runStartedMillis = runStartedMillis;
  }

  @Override public String getNamespace() { return info.namespace(); }
  @Override public String getWorkflowId() { return info.workflowId(); }
  @Override public String getRunId() { return info.runId(); }
  @Override public String getWorkflowType() { return info.workflowType(); }
  @Override public String getTaskQueue() { return info.taskQueue(); }
  @Override public Duration getWorkflowRunTimeout() { return info.started().workflowRunTimeout(); }
  @Override public Duration getWorkflowExecutionTimeout() { return info.started().workflowExecutionTimeout(); }
  @Override public long getRunStartedTimestampMillis() { return runStartedMillis; }
  @Override public int getAttempt() { return Math.max(1, info.started().attempt()); }
  @Override public String getCronSchedule() { return info.started().cronSchedule(); }
  @Override public Optional<String> getContinuedExecutionRunId() { return Optional.ofNullable(info.started().continuedExecutionRunId()); }
  @Override public String getFirstExecutionRunId() {
    String first = info.started().firstExecutionRunId();
    return first == null ? info.runId() : first;
  }
  @Override public Optional<String> getParentWorkflowId() { return Optional.ofNullable(info.started().parentWorkflowId()); }
  @Override public Optional<String> getParentRunId() { return Optional.ofNullable(info.started().parentRunId()); }
  @Override public long getHistoryLength() { return historyLength; }
  @Override public long getHistorySize() { return 0; }
  @Override public boolean isContinueAsNewSuggested() { return historyLength >= info.continueAsNewSuggestedAt(); }

  @Override
  public String toString() {
    return "WorkflowInfo{workflowId=" + getWorkflowId() + ", runId=" + getRunId() + ", type=" + getWorkflowType() + "}";
  }
}
