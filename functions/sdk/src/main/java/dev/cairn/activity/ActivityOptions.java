package dev.cairn.activity;

import dev.cairn.common.RetryOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How a workflow runs an activity: timeouts, retries, task queue, cancellation behaviour. An
 * activity stub needs startToClose or scheduleToClose (see {@link
 * Builder#validateAndBuildWithDefaults()}); without either a hung worker would hold the workflow
 * forever.
 */
public final class ActivityOptions {
  private static final ActivityOptions DEFAULT_INSTANCE = newBuilder().build();

  private final Duration heartbeatTimeout;
  private final Duration scheduleToCloseTimeout;
  private final Duration scheduleToStartTimeout;
  private final Duration startToCloseTimeout;
  private final String taskQueue;
  private final RetryOptions retryOptions;
  private final ActivityCancellationType cancellationType;
  private final boolean disableEagerExecution;

  private ActivityOptions(Builder b) {
    heartbeatTimeout = b.heartbeatTimeout;
    scheduleToCloseTimeout = b.scheduleToCloseTimeout;
    scheduleToStartTimeout = b.scheduleToStartTimeout;
    startToCloseTimeout = b.startToCloseTimeout;
    taskQueue = b.taskQueue;
    retryOptions = b.retryOptions;
    cancellationType = b.cancellationType;
    disableEagerExecution = b.disableEagerExecution;
  }

  public static Builder newBuilder() {
    return new Builder(null);
  }

  public static Builder newBuilder(ActivityOptions options) {
    return new Builder(options);
  }

  public static ActivityOptions getDefaultInstance() {
    return DEFAULT_INSTANCE;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public Duration getHeartbeatTimeout() {
    return heartbeatTimeout;
  }

  public Duration getScheduleToCloseTimeout() {
    return scheduleToCloseTimeout;
  }

  public Duration getScheduleToStartTimeout() {
    return scheduleToStartTimeout;
  }

  public Duration getStartToCloseTimeout() {
    return startToCloseTimeout;
  }

  /** Null means the workflow's own task queue. */
  public String getTaskQueue() {
    return taskQueue;
  }

  public RetryOptions getRetryOptions() {
    return retryOptions;
  }

  public ActivityCancellationType getCancellationType() {
    return cancellationType;
  }

  /** Accepted for compatibility; Cairn has no eager execution. */
  public boolean isEagerExecutionDisabled() {
    return disableEagerExecution;
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof ActivityOptions a
            && Objects.equals(heartbeatTimeout, a.heartbeatTimeout)
            && Objects.equals(scheduleToCloseTimeout, a.scheduleToCloseTimeout)
            && Objects.equals(scheduleToStartTimeout, a.scheduleToStartTimeout)
            && Objects.equals(startToCloseTimeout, a.startToCloseTimeout)
            && Objects.equals(taskQueue, a.taskQueue)
            && Objects.equals(retryOptions, a.retryOptions)
            && cancellationType == a.cancellationType
            && disableEagerExecution == a.disableEagerExecution);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        heartbeatTimeout, scheduleToCloseTimeout, scheduleToStartTimeout, startToCloseTimeout,
        taskQueue, retryOptions, cancellationType, disableEagerExecution);
  }

  @Override
  public String toString() {
    return "ActivityOptions{heartbeatTimeout=" + heartbeatTimeout
        + ", scheduleToCloseTimeout=" + scheduleToCloseTimeout
        + ", scheduleToStartTimeout=" + scheduleToStartTimeout
        + ", startToCloseTimeout=" + startToCloseTimeout
        + ", taskQueue='" + taskQueue + '\''
        + ", retryOptions=" + retryOptions
        + ", cancellationType=" + cancellationType
        + ", disableEagerExecution=" + disableEagerExecution + '}';
  }

  public static final class Builder {
    private Duration heartbeatTimeout;
    private Duration scheduleToCloseTimeout;
    private Duration scheduleToStartTimeout;
    private Duration startToCloseTimeout;
    private String taskQueue;
    private RetryOptions retryOptions;
    private ActivityCancellationType cancellationType;
    private boolean disableEagerExecution;

    private Builder(ActivityOptions o) {
      if (o != null) {
        heartbeatTimeout = o.heartbeatTimeout;
        scheduleToCloseTimeout = o.scheduleToCloseTimeout;
        scheduleToStartTimeout = o.scheduleToStartTimeout;
        startToCloseTimeout = o.startToCloseTimeout;
        taskQueue = o.taskQueue;
        retryOptions = o.retryOptions;
        cancellationType = o.cancellationType;
        disableEagerExecution = o.disableEagerExecution;
      }
    }

    /** Longest gap between heartbeats before an attempt is considered lost. */
    public Builder setHeartbeatTimeout(Duration heartbeatTimeout) {
      this.heartbeatTimeout = Durations.nonNegative("heartbeatTimeout", heartbeatTimeout);
      return this;
    }

    /** Total time allowed, all retries included. */
    public Builder setScheduleToCloseTimeout(Duration scheduleToCloseTimeout) {
      this.scheduleToCloseTimeout =
          Durations.nonNegative("scheduleToCloseTimeout", scheduleToCloseTimeout);
      return this;
    }

    /** Longest wait in the task queue; not retried, as a retry would wait in the same queue. */
    public Builder setScheduleToStartTimeout(Duration scheduleToStartTimeout) {
      this.scheduleToStartTimeout =
          Durations.nonNegative("scheduleToStartTimeout", scheduleToStartTimeout);
      return this;
    }

    /** Time allowed for one attempt. */
    public Builder setStartToCloseTimeout(Duration startToCloseTimeout) {
      this.startToCloseTimeout = Durations.nonNegative("startToCloseTimeout", startToCloseTimeout);
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

    public Builder setCancellationType(ActivityCancellationType cancellationType) {
      this.cancellationType = cancellationType;
      return this;
    }

    public Builder setDisableEagerExecution(boolean disableEagerExecution) {
      this.disableEagerExecution = disableEagerExecution;
      return this;
    }

    /** Fields set in {@code override} win over this builder's. */
    public Builder mergeActivityOptions(ActivityOptions override) {
      if (override == null) return this;
      if (override.heartbeatTimeout != null) heartbeatTimeout = override.heartbeatTimeout;
      if (override.scheduleToCloseTimeout != null) scheduleToCloseTimeout = override.scheduleToCloseTimeout;
      if (override.scheduleToStartTimeout != null) scheduleToStartTimeout = override.scheduleToStartTimeout;
      if (override.startToCloseTimeout != null) startToCloseTimeout = override.startToCloseTimeout;
      if (override.taskQueue != null) taskQueue = override.taskQueue;
      if (override.retryOptions != null) retryOptions = override.retryOptions;
      if (override.cancellationType != null) cancellationType = override.cancellationType;
      disableEagerExecution |= override.disableEagerExecution;
      return this;
    }

    public ActivityOptions build() {
      return new ActivityOptions(this);
    }

    /**
     * Requires startToClose or scheduleToClose; startToClose defaults to scheduleToClose,
     * cancellation to TRY_CANCEL, retries to the defaults of {@link RetryOptions}.
     */
    public ActivityOptions validateAndBuildWithDefaults() {
      if (startToCloseTimeout == null && scheduleToCloseTimeout == null) {
        throw new IllegalStateException(
            "Either startToCloseTimeout or scheduleToCloseTimeout is required");
      }
      Builder b = new Builder(build());
      if (b.startToCloseTimeout == null) b.startToCloseTimeout = scheduleToCloseTimeout;
      if (b.cancellationType == null) b.cancellationType = ActivityCancellationType.TRY_CANCEL;
      b.retryOptions =
          RetryOptions.newBuilder(retryOptions).validateBuildWithDefaults();
      return b.build();
    }
  }
}
