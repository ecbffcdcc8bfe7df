package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import java.time.Instant;
import java.util.Objects;

/** One run as {@link WorkflowClient#listExecutions(String)} lists it: Temporal's visibility record. */
public final class WorkflowExecutionMetadata {
  private final WorkflowExecution execution;
  private final String workflowType;
  private final String taskQueue;
  private final WorkflowExecutionStatus status;
  private final Instant startTime;
  private final Instant closeTime;
  private final long historyLength;

  public WorkflowExecutionMetadata(WorkflowExecution execution, String workflowType, String taskQueue,
      WorkflowExecutionStatus status, Instant startTime, Instant closeTime, long historyLength) {
    this.execution = Objects.requireNonNull(execution, "execution");
    this.workflowType = workflowType;
    this.taskQueue = taskQueue;
    this.status = Objects.requireNonNull(status, "status");
    this.startTime = startTime;
    this.closeTime = closeTime;
    this.historyLength = historyLength;
  }

  public WorkflowExecution getExecution() {
    return execution;
  }

  public String getWorkflowType() {
    return workflowType;
  }

  public String getTaskQueue() {
    return taskQueue;
  }

  public WorkflowExecutionStatus getStatus() {
    return status;
  }

  public Instant getStartTime() {
    return startTime;
  }

  /** Null while the run is open. */
  public Instant getCloseTime() {
    return closeTime;
  }

  public long getHistoryLength() {
    return historyLength;
  }

  @Override
  public String toString() {
    return execution.getWorkflowId() + "/" + execution.getRunId() + " " + workflowType + " " + status.shortName()
        + " " + startTime + (closeTime == null ? "" : " to " + closeTime);
  }
}
