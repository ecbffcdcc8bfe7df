package dev.cairn.activity;

import dev.cairn.common.RetryOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Options for a local activity: one run in the workflow's worker and recorded as a marker, for
 * short calls where a task-queue round trip would cost more than the work.
 */
public final class LocalActivityOptions {
  private static final LocalActivityOptions DEFAULT_INSTANCE = newBuilder().build();

  private final Duration scheduleToCloseTimeout;
  private final Duration startToCloseTimeout;
  private final Duration scheduleToStartTimeout;
  private final Duration localRetryThreshold;
  private final RetryOptions retryOptions;
  private final boolean doNotIncludeArgumentsIntoMarker;

  private LocalActivityOptions(Builder b) {
    scheduleToCloseTimeout = b.scheduleToCloseTimeout;
    startToCloseTimeout = b.startToCloseTimeout;
    scheduleToStartTimeout = b.scheduleToStartTimeout;
    localRetryThreshold = b.localRetryThreshold;
    retryOptions = b.retryOptions;
    doNotIncludeArgumentsIntoMarker = b.doNotIncludeArgumentsIntoMarker;
  }

  public static Builder newBuilder() {
    return new Builder(null);
  }

  public static Builder newBuilder(LocalActivityOptions options) {
    return new Builder(options);
  }

  public static LocalActivityOptions getDefaultInstance() {
    return DEFAULT_INSTANCE;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public Duration getScheduleToCloseTimeout() {
    return scheduleToCloseTimeout;
  }

  public Duration getStartToCloseTimeout() {
    return startToCloseTimeout;
  }

  public Duration getScheduleToStartTimeout() {
    return scheduleToStartTimeout;
  }

  /** Retries with a longer backoff than this go through a workflow timer instead of in-process. */
  public Duration getLocalRetryThreshold() {
    return localRetryThreshold;
  }

  public RetryOptions getRetryOptions() {
    return retryOptions;
  }

  public boolean isDoNotIncludeArgumentsIntoMarker() {
    return doNotIncludeArgumentsIntoMarker;
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof LocalActivityOptions l
            && Objects.equals(scheduleToCloseTimeout, l.scheduleToCloseTimeout)
            && Objects.equals(startToCloseTimeout, l.startToCloseTimeout)
            && Objects.equals(scheduleToStartTimeout, l.scheduleToStartTimeout)
            && Objects.equals(localRetryThreshold, l.localRetryThreshold)
            && Objects.equals(retryOptions, l.retryOptions)
            && doNotIncludeArgumentsIntoMarker == l.doNotIncludeArgumentsIntoMarker);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        scheduleToCloseTimeout, startToCloseTimeout, scheduleToStartTimeout, localRetryThreshold,
        retryOptions, doNotIncludeArgumentsIntoMarker);
  }

  @Override
  public String toString() {
    return "LocalActivityOptions{scheduleToCloseTimeout=" + scheduleToCloseTimeout
        + ", startToCloseTimeout=" + startToCloseTimeout
        + ", scheduleToStartTimeout=" + scheduleToStartTimeout
        + ", localRetryThreshold=" + localRetryThreshold
        + ", retryOptions=" + retryOptions
        + ", doNotIncludeArgumentsIntoMarker=" + doNotIncludeArgumentsIntoMarker + '}';
  }

  public static final class Builder {
    private Duration scheduleToCloseTimeout;
    private Duration startToCloseTimeout;
    private Duration scheduleToStartTimeout;
    private Duration localRetryThreshold;
    private RetryOptions retryOptions;
    private boolean doNotIncludeArgumentsIntoMarker;

    private Builder(LocalActivityOptions o) {
      if (o != null) {
        scheduleToCloseTimeout = o.scheduleToCloseTimeout;
        startToCloseTimeout = o.startToCloseTimeout;
        scheduleToStartTimeout = o.scheduleToStartTimeout;
        localRetryThreshold = o.localRetryThreshold;
        retryOptions = o.retryOptions;
        doNotIncludeArgumentsIntoMarker = o.doNotIncludeArgumentsIntoMarker;
      }
    }

    public Builder setScheduleToCloseTimeout(Duration timeout) {
      this.scheduleToCloseTimeout = Durations.nonNegative("scheduleToCloseTimeout", timeout);
      return this;
    }

    public Builder setStartToCloseTimeout(Duration timeout) {
      this.startToCloseTimeout = Durations.nonNegative("startToCloseTimeout", timeout);
      return this;
    }

    public Builder setScheduleToStartTimeout(Duration timeout) {
      this.scheduleToStartTimeout = Durations.nonNegative("scheduleToStartTimeout", timeout);
      return this;
    }

    public Builder setLocalRetryThreshold(Duration threshold) {
      this.localRetryThreshold = Durations.nonNegative("localRetryThreshold", threshold);
      return this;
    }

    public Builder setRetryOptions(RetryOptions retryOptions) {
      this.retryOptions = retryOptions;
      return this;
    }

    /** Keeps possibly large or sensitive arguments out of history. */
    public Builder setDoNotIncludeArgumentsIntoMarker(boolean doNotInclude) {
      this.doNotIncludeArgumentsIntoMarker = doNotInclude;
      return this;
    }

    /** Fields set in {@code override} win over this builder's. */
    public Builder mergeActivityOptions(LocalActivityOptions override) {
      if (override == null) return this;
      if (override.scheduleToCloseTimeout != null) scheduleToCloseTimeout = override.scheduleToCloseTimeout;
      if (override.startToCloseTimeout != null) startToCloseTimeout = override.startToCloseTimeout;
      if (override.scheduleToStartTimeout != null) scheduleToStartTimeout = override.scheduleToStartTimeout;
      if (override.localRetryThreshold != null) localRetryThreshold = override.localRetryThreshold;
      if (override.retryOptions != null) retryOptions = override.retryOptions;
      doNotIncludeArgumentsIntoMarker |= override.doNotIncludeArgumentsIntoMarker;
      return this;
    }

    public LocalActivityOptions build() {
      return new LocalActivityOptions(this);
    }

    /** Requires startToClose or scheduleToClose; localRetryThreshold defaults to 1 minute. */
    public LocalActivityOptions validateAndBuildWithDefaults() {
      if (startToCloseTimeout == null && scheduleToCloseTimeout == null) {
        throw new IllegalStateException(
            "Either startToCloseTimeout or scheduleToCloseTimeout is required");
      }
      Builder b = new Builder(build());
      if (b.localRetryThreshold == null) b.localRetryThreshold = Duration.ofMinutes(1);
      if (b.startToCloseTimeout == null) b.startToCloseTimeout = scheduleToCloseTimeout;
      b.retryOptions = RetryOptions.newBuilder(retryOptions).validateBuildWithDefaults();
      return b.build();
    }
  }
}
