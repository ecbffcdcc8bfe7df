package dev.cairn.workflow;

import java.time.Duration;
import java.util.Optional;

/** Facts about the running workflow, as Temporal's {@code WorkflowInfo}. */
public interface WorkflowInfo {
  String getNamespace();

  String getWorkflowId();

  String getRunId();

  String getWorkflowType();

  String getTaskQueue();

  Duration getWorkflowRunTimeout();

  Duration getWorkflowExecutionTimeout();

  long getRunStartedTimestampMillis();

  int getAttempt();

  String getCronSchedule();

  Optional<String> getContinuedExecutionRunId();

  String getFirstExecutionRunId();

  Optional<String> getParentWorkflowId();

  Optional<String> getParentRunId();

  /** Events in this run's history so far, including those of the current decision. */
  long getHistoryLength();

  long getHistorySize();

  /** True once the history nears its configured limit: time to {@code continueAsNew}. */
  boolean isContinueAsNewSuggested();
}
