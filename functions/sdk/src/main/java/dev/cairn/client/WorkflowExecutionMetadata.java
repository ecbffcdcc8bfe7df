package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.common.SearchAttributes;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payload;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One run as {@link WorkflowClient#listExecutions(String)} lists it: Temporal's visibility record.
 * {@link WorkflowStub#describe()} returns the same with what the run waits on.
 */
public class WorkflowExecutionMetadata {
  private final WorkflowExecution execution;
  private final String workflowType;
  private final String taskQueue;
  private final WorkflowExecutionStatus status;
  private final Instant startTime;
  private final Instant executionTime;
  private final Instant closeTime;
  private final long historyLength;
  private final WorkflowExecution parentExecution;
  private final Map<String, Payload> memo;
  private final SearchAttributes searchAttributes;
  private final DataConverter dataConverter;

  /** A run with no parent, memo or search attributes whose first decision was due at its start. */
  public WorkflowExecutionMetadata(WorkflowExecution execution, String workflowType, String taskQueue,
      WorkflowExecutionStatus status, Instant startTime, Instant closeTime, long historyLength) {
    this(execution, workflowType, taskQueue, status, startTime, startTime, closeTime, historyLength, null, null, null,
        null);
  }

  /**
   * @param executionTime when the run's first decision was due: its start, or later by a start delay or
   *     cron schedule (null means the start time)
   * @param memo the run's memo as payloads, decoded by {@code dataConverter} when read
   */
  public WorkflowExecutionMetadata(WorkflowExecution execution, String workflowType, String taskQueue,
      WorkflowExecutionStatus status, Instant startTime, Instant executionTime, Instant closeTime, long historyLength,
      WorkflowExecution parentExecution, Map<String, Payload> memo, SearchAttributes searchAttributes,
      DataConverter dataConverter) {
    this.execution = Objects.requireNonNull(execution, "execution");
    this.workflowType = workflowType;
    this.taskQueue = taskQueue;
    this.status = Objects.requireNonNull(status, "status");
    this.startTime = startTime;
    this.executionTime = executionTime == null ? startTime : executionTime;
    this.closeTime = closeTime;
    this.historyLength = historyLength;
    this.parentExecution = parentExecution;
    this.memo = memo == null ? Map.of() : Map.copyOf(memo);
    this.searchAttributes = searchAttributes == null ? SearchAttributes.EMPTY : searchAttributes;
    this.dataConverter = dataConverter;
  }

  /** The same run's fields, for a subclass that adds its own. */
  protected WorkflowExecutionMetadata(WorkflowExecutionMetadata other) {
    this(other.execution, other.workflowType, other.taskQueue, other.status, other.startTime, other.executionTime,
        other.closeTime, other.historyLength, other.parentExecution, other.memo, other.searchAttributes,
        other.dataConverter);
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

  /** When the first decision was due: the start time, later by a start delay or a cron schedule's wait. */
  public Instant getExecutionTime() {
    return executionTime;
  }

  /** Null while the run is open. */
  public Instant getCloseTime() {
    return closeTime;
  }

  public long getHistoryLength() {
    return historyLength;
  }

  /** The workflow that started this one as its child; null for a run a client started. */
  public WorkflowExecution getParentExecution() {
    return parentExecution;
  }

  /** The memo value under {@code key} (set with WorkflowOptions.setMemo), or null when there is none. */
  public <T> T getMemo(String key, Class<T> valueClass) {
    return getMemo(key, valueClass, valueClass);
  }

  public <T> T getMemo(String key, Class<T> valueClass, Type genericType) {
    Payload value = memo.get(key);
    if (value == null) {
      return null;
    }
    if (dataConverter == null) {
      throw new IllegalStateException("this metadata was made without a DataConverter to read memo " + key);
    }
    return dataConverter.fromPayload(value, valueClass, genericType);
  }

  /**
   * The run's search attributes as it last upserted them (or was started with). Values carry no
   * index type once stored, so a text attribute reads back under a keyword key too.
   */
  public SearchAttributes getTypedSearchAttributes() {
    return searchAttributes;
  }

  @Override
  public String toString() {
    return execution.getWorkflowId() + "/" + execution.getRunId() + " " + workflowType + " " + status.shortName()
        + " " + startTime + (closeTime == null ? "" : " to " + closeTime);
  }
}
