package dev.cairn.client;

import dev.cairn.api.enums.v1.WorkflowIdConflictPolicy;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.common.RetryOptions;
import dev.cairn.common.SearchAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a client starts a workflow: its id, task queue, timeouts, retries and id policies. */
public final class WorkflowOptions {
  private static final WorkflowOptions DEFAULT_INSTANCE = newBuilder().build();

  private final String workflowId;
  private final String taskQueue;
  private final Duration workflowExecutionTimeout;
  private final Duration workflowRunTimeout;
  private final Duration workflowTaskTimeout;
  private final RetryOptions retryOptions;
  private final WorkflowIdReusePolicy workflowIdReusePolicy;
  private final WorkflowIdConflictPolicy workflowIdConflictPolicy;
  private final String cronSchedule;
  private final Duration startDelay;
  private final Map<String, Object> memo;
  private final Map<String, ?> searchAttributes;
  private final SearchAttributes typedSearchAttributes;
  private final boolean disableEagerExecution;

  private WorkflowOptions(Builder b) {
    workflowId = b.workflowId;
    taskQueue = b.taskQueue;
    workflowExecutionTimeout = b.workflowExecutionTimeout;
    workflowRunTimeout = b.workflowRunTimeout;
    workflowTaskTimeout = b.workflowTaskTimeout;
    retryOptions = b.retryOptions;
    workflowIdReusePolicy = b.workflowIdReusePolicy;
    workflowIdConflictPolicy = b.workflowIdConflictPolicy;
    cronSchedule = b.cronSchedule;
    startDelay = b.startDelay;
    memo = b.memo == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.memo));
    searchAttributes =
        b.searchAttributes == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(b.searchAttributes));
    typedSearchAttributes = b.typedSearchAttributes;
    disableEagerExecution = b.disableEagerExecution;
  }

  public static Builder newBuilder() {
    return new Builder(null);
  }

  public static Builder newBuilder(WorkflowOptions options) {
    return new Builder(options);
  }

  public static WorkflowOptions getDefaultInstance() {
    return DEFAULT_INSTANCE;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public String getWorkflowId() { return workflowId; }

  public String getTaskQueue() { return taskQueue; }

  public Duration getWorkflowExecutionTimeout() { return workflowExecutionTimeout; }

  public Duration getWorkflowRunTimeout() { return workflowRunTimeout; }

  public Duration getWorkflowTaskTimeout() { return workflowTaskTimeout; }

  public RetryOptions getRetryOptions() { return retryOptions; }

  public WorkflowIdReusePolicy getWorkflowIdReusePolicy() { return workflowIdReusePolicy; }

  public WorkflowIdConflictPolicy getWorkflowIdConflictPolicy() { return workflowIdConflictPolicy; }

  public String getCronSchedule() { return cronSchedule; }

  public Duration getStartDelay() { return startDelay; }

  public Map<String, Object> getMemo() { return memo; }

  public Map<String, ?> getSearchAttributes() { return searchAttributes; }

  public SearchAttributes getTypedSearchAttributes() { return typedSearchAttributes; }

  /** Accepted for compatibility; Cairn has no eager execution. */
  public boolean isDisableEagerExecution() { return disableEagerExecution; }

  private Object[] fields() {
    return new Object[] {
      workflowId, taskQueue, workflowExecutionTimeout, workflowRunTimeout, workflowTaskTimeout,
      retryOptions, workflowIdReusePolicy, workflowIdConflictPolicy, cronSchedule, startDelay, memo,
      searchAttributes, typedSearchAttributes, disableEagerExecution
    };
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof WorkflowOptions w && Arrays.equals(fields(), w.fields()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields());
  }

  @Override
  public String toString() {
    return "WorkflowOptions{workflowId='" + workflowId + "', taskQueue='" + taskQueue
        + "', workflowExecutionTimeout=" + workflowExecutionTimeout
        + ", workflowRunTimeout=" + workflowRunTimeout
        + ", workflowTaskTimeout=" + workflowTaskTimeout
        + ", retryOptions=" + retryOptions
        + ", workflowIdReusePolicy=" + workflowIdReusePolicy
        + ", workflowIdConflictPolicy=" + workflowIdConflictPolicy
        + ", cronSchedule='" + cronSchedule + "', startDelay=" + startDelay
        + ", memo=" + memo + ", searchAttributes=" + searchAttributes
        + ", typedSearchAttributes=" + typedSearchAttributes
        + ", disableEagerExecution=" + disableEagerExecution + '}';
  }

  public static final class Builder {
    private String workflowId;
    private String taskQueue;
    private Duration workflowExecutionTimeout;
    private Duration workflowRunTimeout;
    private Duration workflowTaskTimeout;
    private RetryOptions retryOptions;
    private WorkflowIdReusePolicy workflowIdReusePolicy;
    private WorkflowIdConflictPolicy workflowIdConflictPolicy;
    private String cronSchedule;
    private Duration startDelay;
    private Map<String, Object> memo;
    private Map<String, ?> searchAttributes;
    private SearchAttributes typedSearchAttributes;
    private boolean disableEagerExecution;

    private Builder(WorkflowOptions o) {
      if (o == null) return;
      workflowId = o.workflowId;
      taskQueue = o.taskQueue;
      workflowExecutionTimeout = o.workflowExecutionTimeout;
      workflowRunTimeout = o.workflowRunTimeout;
      workflowTaskTimeout = o.workflowTaskTimeout;
      retryOptions = o.retryOptions;
      workflowIdReusePolicy = o.workflowIdReusePolicy;
      workflowIdConflictPolicy = o.workflowIdConflictPolicy;
      cronSchedule = o.cronSchedule;
      startDelay = o.startDelay;
      memo = o.memo;
      searchAttributes = o.searchAttributes;
      typedSearchAttributes = o.typedSearchAttributes;
      disableEagerExecution = o.disableEagerExecution;
    }

    /** Business-level id; null means a random UUID is chosen at start. */
    public Builder setWorkflowId(String workflowId) {
      this.workflowId = workflowId;
      return this;
    }

    public Builder setTaskQueue(String taskQueue) {
      this.taskQueue = taskQueue;
      return this;
    }

    /** Limit across all runs (retries, continue-as-new, cron). */
    public Builder setWorkflowExecutionTimeout(Duration timeout) {
      this.workflowExecutionTimeout = nonNegative("workflowExecutionTimeout", timeout);
      return this;
    }

    /** Limit for a single run. */
    public Builder setWorkflowRunTimeout(Duration timeout) {
      this.workflowRunTimeout = nonNegative("workflowRunTimeout", timeout);
      return this;
    }

    public Builder setWorkflowTaskTimeout(Duration timeout) {
      this.workflowTaskTimeout = nonNegative("workflowTaskTimeout", timeout);
      return this;
    }

    public Builder setRetryOptions(RetryOptions retryOptions) {
      this.retryOptions = retryOptions;
      return this;
    }

    public Builder setWorkflowIdReusePolicy(WorkflowIdReusePolicy policy) {
      this.workflowIdReusePolicy = policy;
      return this;
    }

    public Builder setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy policy) {
      this.workflowIdConflictPolicy = policy;
      return this;
    }

    public Builder setCronSchedule(String cronSchedule) {
      this.cronSchedule = cronSchedule;
      return this;
    }

    /** The first workflow task is dispatched only after this delay. */
    public Builder setStartDelay(Duration startDelay) {
      this.startDelay = nonNegative("startDelay", startDelay);
      return this;
    }

    public Builder setMemo(Map<String, Object> memo) {
      this.memo = memo;
      return this;
    }

    /** Untyped form, kept for ported code; prefer {@link #setTypedSearchAttributes}. */
    public Builder setSearchAttributes(Map<String, ?> searchAttributes) {
      this.searchAttributes = searchAttributes;
      return this;
    }

    public Builder setTypedSearchAttributes(SearchAttributes typedSearchAttributes) {
      this.typedSearchAttributes = typedSearchAttributes;
      return this;
    }

    /** Accepted, no effect: Cairn has no eager execution. */
    public Builder setDisableEagerExecution(boolean disableEagerExecution) {
      this.disableEagerExecution = disableEagerExecution;
      return this;
    }

    public WorkflowOptions build() {
      if (searchAttributes != null && !searchAttributes.isEmpty() && typedSearchAttributes != null) {
        throw new IllegalArgumentException(
            "Set either searchAttributes or typedSearchAttributes, not both");
      }
      return new WorkflowOptions(this);
    }

    /** Requires a task queue: a start without one could never be dispatched. */
    public WorkflowOptions validateBuildWithDefaults() {
      if (taskQueue == null || taskQueue.isEmpty()) {
        throw new IllegalStateException("WorkflowOptions.taskQueue is required");
      }
      return build();
    }

    private static Duration nonNegative(String name, Duration d) {
      if (d != null && d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }
  }
}
