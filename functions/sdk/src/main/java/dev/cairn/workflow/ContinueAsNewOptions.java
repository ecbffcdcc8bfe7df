package dev.cairn.workflow;

import dev.cairn.common.RetryOptions;
import dev.cairn.common.SearchAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Changes for the next run when a workflow continues as new; unset fields keep the current run's. */
public final class ContinueAsNewOptions {
  private static final ContinueAsNewOptions DEFAULT_INSTANCE = newBuilder().build();

  private final Duration workflowRunTimeout;
  private final String taskQueue;
  private final RetryOptions retryOptions;
  private final Duration workflowTaskTimeout;
  private final Map<String, Object> memo;
  private final Map<String, Object> searchAttributes;
  private final SearchAttributes typedSearchAttributes;

  private ContinueAsNewOptions(Builder b) {
    workflowRunTimeout = b.workflowRunTimeout;
    taskQueue = b.taskQueue;
    retryOptions = b.retryOptions;
    workflowTaskTimeout = b.workflowTaskTimeout;
    memo = b.memo == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.memo));
    searchAttributes =
        b.searchAttributes == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(b.searchAttributes));
    typedSearchAttributes = b.typedSearchAttributes;
  }

  public static Builder newBuilder() {
    return new Builder(null);
  }

  public static Builder newBuilder(ContinueAsNewOptions options) {
    return new Builder(options);
  }

  public static ContinueAsNewOptions getDefaultInstance() {
    return DEFAULT_INSTANCE;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public Duration getWorkflowRunTimeout() { return workflowRunTimeout; }

  public String getTaskQueue() { return taskQueue; }

  public RetryOptions getRetryOptions() { return retryOptions; }

  public Duration getWorkflowTaskTimeout() { return workflowTaskTimeout; }

  public Map<String, Object> getMemo() { return memo; }

  public Map<String, Object> getSearchAttributes() { return searchAttributes; }

  public SearchAttributes getTypedSearchAttributes() { return typedSearchAttributes; }

  private Object[] fields() {
    return new Object[] {
      workflowRunTimeout, taskQueue, retryOptions, workflowTaskTimeout, memo, searchAttributes,
      typedSearchAttributes
    };
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof ContinueAsNewOptions c && Arrays.equals(fields(), c.fields()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields());
  }

  @Override
  public String toString() {
    return "ContinueAsNewOptions{workflowRunTimeout=" + workflowRunTimeout
        + ", taskQueue='" + taskQueue + "', retryOptions=" + retryOptions
        + ", workflowTaskTimeout=" + workflowTaskTimeout + ", memo=" + memo
        + ", searchAttributes=" + searchAttributes
        + ", typedSearchAttributes=" + typedSearchAttributes + '}';
  }

  public static final class Builder {
    private Duration workflowRunTimeout;
    private String taskQueue;
    private RetryOptions retryOptions;
    private Duration workflowTaskTimeout;
    private Map<String, Object> memo;
    private Map<String, Object> searchAttributes;
    private SearchAttributes typedSearchAttributes;

    private Builder(ContinueAsNewOptions o) {
      if (o == null) return;
      workflowRunTimeout = o.workflowRunTimeout;
      taskQueue = o.taskQueue;
      retryOptions = o.retryOptions;
      workflowTaskTimeout = o.workflowTaskTimeout;
      memo = o.memo;
      searchAttributes = o.searchAttributes;
      typedSearchAttributes = o.typedSearchAttributes;
    }

    public Builder setWorkflowRunTimeout(Duration timeout) {
      this.workflowRunTimeout = WorkflowDurations.nonNegative("workflowRunTimeout", timeout);
      return this;
    }

    public Builder setTaskQueue(String taskQueue) {
      this.taskQueue = taskQueue;
      return this;
    }

    public Builder setRetryOptions(RetryOptions retryOptions) {
      this.retryOptions = retryOptions;
      return this;
    }

    public Builder setWorkflowTaskTimeout(Duration timeout) {
      this.workflowTaskTimeout = WorkflowDurations.nonNegative("workflowTaskTimeout", timeout);
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

    public ContinueAsNewOptions build() {
      if (searchAttributes != null && !searchAttributes.isEmpty() && typedSearchAttributes != null) {
        throw new IllegalArgumentException(
            "Set either searchAttributes or typedSearchAttributes, not both");
      }
      return new ContinueAsNewOptions(this);
    }
  }
}
