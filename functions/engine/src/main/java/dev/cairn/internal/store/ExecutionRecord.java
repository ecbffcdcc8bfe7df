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
    searchAttributes = normalized(searchAttributes);
  }

  /** Whole numbers as Long and decimals as Double, as they read back from JSON, so records compare equal. */
  private static Map<String, Object> normalized(Map<String, Object> attrs) {
    if (attrs == null || attrs.isEmpty()) {
      return Map.of();
    }
    java.util.LinkedHashMap<String, Object> out = new java.util.LinkedHashMap<>();
    attrs.forEach((k, v) -> out.put(k, switch (v) {
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Float f -> f.doubleValue();
      case null -> throw new IllegalArgumentException("search attribute " + k + " is null");
      default -> v;
    }));
    return java.util.Collections.unmodifiableMap(out);
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isOpen() {
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  /** The same run with other search attributes (upserted by its code); the version moves with the commit. */
  public ExecutionRecord withSearchAttributes(Map<String, Object> newSearchAttributes) {
    return new ExecutionRecord(key, workflowType, taskQueue, status, startTime, closeTime, version, lastEventId,
        newSearchAttributes, state);
  }

  public ExecutionRecord next(WorkflowExecutionStatus newStatus, Instant newCloseTime, long newLastEventId, ExecutionState newState) {
    return new ExecutionRecord(key, workflowType, taskQueue, newStatus, startTime, newCloseTime, version + 1,
        newLastEventId, searchAttributes, newState);
  }
}
