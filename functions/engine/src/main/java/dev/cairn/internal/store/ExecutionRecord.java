package dev.cairn.internal.store;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import java.time.Instant;
import java.util.Map;

/**
 * A run as the store keeps it beside its history. {@code version} guards every change: a commit
 * names the version it read and fails if another writer moved it (invariant 1).
 */
public record ExecutionRecord(
    ExecutionKey key,
    String workflowType,
    String taskQueue,
    WorkflowExecutionStatus status,
    Instant startTime,
    Instant closeTime,
    long version,
    long lastEventId,
    Map<String, Object> searchAttributes,
    ExecutionState state) {

  public ExecutionRecord {
    searchAttributes = searchAttributes == null ? Map.of() : Map.copyOf(searchAttributes);
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isOpen() {
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  public ExecutionRecord next(WorkflowExecutionStatus newStatus, Instant newCloseTime, long newLastEventId, ExecutionState newState) {
    return new ExecutionRecord(key, workflowType, taskQueue, newStatus, startTime, newCloseTime, version + 1,
        newLastEventId, searchAttributes, newState);
  }
}
