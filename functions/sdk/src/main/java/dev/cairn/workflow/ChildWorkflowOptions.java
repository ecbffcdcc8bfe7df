package dev.cairn.workflow;

import dev.cairn.api.enums.v1.ParentClosePolicy;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.common.RetryOptions;
import dev.cairn.common.SearchAttributes;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How a workflow starts a child: its id, queue, timeouts, retries, and fate when the parent closes. */
public final class ChildWorkflowOptions {
  private static final ChildWorkflowOptions DEFAULT_INSTANCE = newBuilder().build();

  private final String namespace;
  private final String workflowId;
  private final WorkflowIdReusePolicy workflowIdReusePolicy;
  private final Duration workflowRunTimeout;
  private final Duration workflowExecutionTimeout;
  private final Duration workflowTaskTimeout;
  private final String taskQueue;
  private final RetryOptions retryOptions;
  private final String cronSchedule;
  private final ParentClosePolicy parentClosePolicy;
  private final Map<String, Object> memo;
  private final Map<String, Object> searchAttributes;
  private final SearchAttributes typedSearchAttributes;
  private final ChildWorkflowCancellationType cancellationType;

  private ChildWorkflowOptions(Builder b) {
    namespace = b.namespace;
    workflowId = b.workflowId;
    workflowIdReusePolicy = b.workflowIdReusePolicy;
    workflowRunTimeout = b.workflowRunTimeout;
    workflowExecutionTimeout = b.workflowExecutionTimeout;
    workflowTaskTimeout = b.workflowTaskTimeout;
    taskQueue = b.taskQueue;
    retryOptions = b.retryOptions;
    cronSchedule = b.cronSchedule;
    parentClosePolicy = b.parentClosePolicy;
    memo = copy(b.memo);
    searchAttributes = copy(b.searchAttributes);
    typedSearchAttributes = b.typedSearchAttributes;
    cancellationType = b.cancellationType;
  }

  private static Map<String, Object> copy(Map<String, Object> m) {
    return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  public static Builder newBuilder() {
    return new Builder(null);
  }

  public static Builder newBuilder(ChildWorkflowOptions options) {
    return new Builder(options);
  }

  public static ChildWorkflowOptions getDefaultInstance() {
    return DEFAULT_INSTANCE;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public String getNamespace() { return namespace; }

  public String getWorkflowId() { return workflowId; }

  public WorkflowIdReusePolicy getWorkflowIdReusePolicy() { return workflowIdReusePolicy; }

  public Duration getWorkflowRunTimeout() { return workflowRunTimeout; }

  public Duration getWorkflowExecutionTimeout() { return workflowExecutionTimeout; }

  public Duration getWorkflowTaskTimeout() { return workflowTaskTimeout; }

  public String getTaskQueue() { return taskQueue; }

  public RetryOptions getRetryOptions() { return retryOptions; }

  public String getCronSchedule() { return cronSchedule; }

  public ParentClosePolicy getParentClosePolicy() { return parentClosePolicy; }

  public Map<String, Object> getMemo() { return memo; }

  public Map<String, Object> getSearchAttributes() { return searchAttributes; }

  public SearchAttributes getTypedSearchAttributes() { return typedSearchAttributes; }

  public ChildWorkflowCancellationType getCancellationType() { return cancellationType; }

  private Object[] fields() {
    return new Object[] {
      namespace, workflowId, workflowIdReusePolicy, workflowRunTimeout, workflowExecutionTimeout,
      workflowTaskTimeout, taskQueue, retryOptions, cronSchedule, parentClosePolicy, memo,
      searchAttributes, typedSearchAttributes, cancellationType
    };
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof ChildWorkflowOptions c && java.util.Arrays.equals(fields(), c.fields()));
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(fields());
  }

  @Override
  public String toString() {
    return "ChildWorkflowOptions{namespace='" + namespace + "', workflowId='" + workflowId
        + "', workflowIdReusePolicy=" + workflowIdReusePolicy
        + ", workflowRunTimeout=" + workflowRunTimeout
        + ", workflowExecutionTimeout=" + workflowExecutionTimeout
        + ", workflowTaskTimeout=" + workflowTaskTimeout
        + ", taskQueue='" + taskQueue + "', retryOptions=" + retryOptions
        + ", cronSchedule='" + cronSchedule + "', parentClosePolicy=" + parentClosePolicy
        + ", memo=" + memo + ", searchAttributes=" + searchAttributes
        + ", typedSearchAttributes=" + typedSearchAttributes
        + ", cancellationType=" + cancellationType + '}';
  }

  public static final class Builder {
    private String namespace;
    private String workflowId;
    private WorkflowIdReusePolicy workflowIdReusePolicy;
    private Duration workflowRunTimeout;
    private Duration workflowExecutionTimeout;
    private Duration workflowTaskTimeout;
    private String taskQueue;
    private RetryOptions retryOptions;
    private String cronSchedule;
    private ParentClosePolicy parentClosePolicy;
    private Map<String, Object> memo;
    private Map<String, Object> searchAttributes;
    private SearchAttributes typedSearchAttributes;
    private ChildWorkflowCancellationType cancellationType;

    private Builder(ChildWorkflowOptions o) {
      if (o == null) return;
      namespace = o.namespace;
      workflowId = o.workflowId;
      workflowIdReusePolicy = o.workflowIdReusePolicy;
      workflowRunTimeout = o.workflowRunTimeout;
      workflowExecutionTimeout = o.workflowExecutionTimeout;
      workflowTaskTimeout = o.workflowTaskTimeout;
      taskQueue = o.taskQueue;
      retryOptions = o.retryOptions;
      cronSchedule = o.cronSchedule;
      parentClosePolicy = o.parentClosePolicy;
      memo = o.memo;
      searchAttributes = o.searchAttributes;
      typedSearchAttributes = o.typedSearchAttributes;
      cancellationType = o.cancellationType;
    }

    /** Null means the parent's namespace. */
    public Builder setNamespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** Null means a deterministic id derived from the parent, so replay starts the same child. */
    public Builder setWorkflowId(String workflowId) {
      this.workflowId = workflowId;
      return this;
    }

    public Builder setWorkflowIdReusePolicy(WorkflowIdReusePolicy policy) {
      this.workflowIdReusePolicy = policy;
      return this;
    }

    public Builder setWorkflowRunTimeout(Duration timeout) {
      this.workflowRunTimeout = WorkflowDurations.nonNegative("workflowRunTimeout", timeout);
      return this;
    }

    public Builder setWorkflowExecutionTimeout(Duration timeout) {
      this.workflowExecutionTimeout = WorkflowDurations.nonNegative("workflowExecutionTimeout", timeout);
      return this;
    }

    public Builder setWorkflowTaskTimeout(Duration timeout) {
      this.workflowTaskTimeout = WorkflowDurations.nonNegative("workflowTaskTimeout", timeout);
      return this;
    }

    /** Null means the parent's task queue. */
    public Builder setTaskQueue(String taskQueue) {
      this.taskQueue = taskQueue;
      return this;
    }

    public Builder setRetryOptions(RetryOptions retryOptions) {
      this.retryOptions = retryOptions;
      return this;
    }

    public Builder setCronSchedule(String cronSchedule) {
      this.cronSchedule = cronSchedule;
      return this;
    }

    public Builder setParentClosePolicy(ParentClosePolicy parentClosePolicy) {
      this.parentClosePolicy = parentClosePolicy;
      return this;
    }

    public Builder setMemo(Map<String, Object> memo) {
      this.memo = memo;
      return this;
    }

    public Builder setSearchAttributes(Map<String, Object> searchAttributes) {
      this.searchAttributes = searchAttributes;
      return this;
    }

    public Builder setTypedSearchAttributes(SearchAttributes typedSearchAttributes) {
      this.typedSearchAttributes = typedSearchAttributes;
      return this;
    }

    public Builder setCancellationType(ChildWorkflowCancellationType cancellationType) {
      this.cancellationType = cancellationType;
      return this;
    }

    public ChildWorkflowOptions build() {
      if (searchAttributes != null && !searchAttributes.isEmpty() && typedSearchAttributes != null) {
        throw new IllegalArgumentException(
            "Set either searchAttributes or typedSearchAttributes, not both");
      }
      return new ChildWorkflowOptions(this);
    }

    /** Cancellation defaults to WAIT_CANCELLATION_COMPLETED, the parent close policy to TERMINATE. */
    public ChildWorkflowOptions validateAndBuildWithDefaults() {
      Builder b = new Builder(build());
      if (b.cancellationType == null) {
        b.cancellationType = ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED;
      }
      if (b.parentClosePolicy == null) {
        b.parentClosePolicy = ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE;
      }
      return b.build();
    }
  }
}
