package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.enums.v1.RetryState;

/**
 * The workflow failed, timed out, was canceled or terminated; the cause says why (an
 * ApplicationFailure, TimeoutFailure, CanceledFailure or TerminatedFailure).
 */
public final class WorkflowFailedException extends WorkflowException {
  private final EventType workflowCloseEventType;
  private final RetryState retryState;
  private final long workflowTaskCompletedEventId;

  public WorkflowFailedException(
      WorkflowExecution workflowExecution,
      String workflowType,
      EventType workflowCloseEventType,
      long workflowTaskCompletedEventId,
      RetryState retryState,
      Throwable cause) {
    super(
        getMessage(
            workflowExecution, workflowType, workflowCloseEventType, workflowTaskCompletedEventId,
            retryState),
        workflowExecution,
        workflowType,
        cause);
    this.workflowCloseEventType = workflowCloseEventType;
    this.retryState = retryState;
    this.workflowTaskCompletedEventId = workflowTaskCompletedEventId;
  }

  public RetryState getRetryState() {
    return retryState;
  }

  /** The WORKFLOW_TASK_COMPLETED event that failed the workflow, or -1 when there is none. */
  public long getWorkflowTaskCompletedEventId() {
    return workflowTaskCompletedEventId;
  }

  public EventType getWorkflowCloseEventType() {
    return workflowCloseEventType;
  }

  /** Temporal's wording, so log scrapers and tests matching on it keep working. */
  private static String getMessage(
      WorkflowExecution execution,
      String workflowType,
      EventType closeEventType,
      long workflowTaskCompletedEventId,
      RetryState retryState) {
    return "Workflow execution {workflowId='" + execution.getWorkflowId()
        + "', runId='" + execution.getRunId()
        + (workflowType == null ? "'" : "', workflowType='" + workflowType + "'")
        + "} " + action(closeEventType)
        + ". Metadata: {closeEventType='" + closeEventType
        + "', retryState='" + retryState
        + (workflowTaskCompletedEventId == -1
            ? "'"
            : "', workflowTaskCompletedEventId=" + workflowTaskCompletedEventId + "'")
        + "}";
  }

  private static String action(EventType closeEventType) {
    if (closeEventType == null) {
      return "failed";
    }
    return switch (closeEventType) {
      case EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED -> "was cancelled";
      case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED -> "was terminated";
      case EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT -> "timed out";
      case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED -> "failed";
      default -> "failed with an unexpected closing event type " + closeEventType;
    };
  }
}
