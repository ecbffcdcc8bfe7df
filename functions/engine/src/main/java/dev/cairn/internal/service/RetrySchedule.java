package dev.cairn.internal.service;

import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.internal.history.RetryPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * When the next attempt of a failed activity is due, per its retry policy: initialInterval ×
 * backoffCoefficient^(attempt-1), capped at maximumInterval; none past maximumAttempts, for a
 * non-retryable failure or type, or when the schedule-to-close deadline would pass first.
 */
public final class RetrySchedule {
  private RetrySchedule() {}

  /** The delay before the next attempt, or why there is none. */
  public record Outcome(Duration delay, RetryState stop) {
    public boolean retry() {
      return delay != null;
    }
  }

  /** Delay after {@code attempt} (1-based) failed; ignores the failure's kind. */
  public static Duration backoff(RetryPolicy p, int attempt) {
    double millis = p.initialInterval().toMillis() * Math.pow(p.backoffCoefficient(), Math.max(0, attempt - 1));
    long capped = p.maximumInterval() == null ? (long) millis : (long) Math.min(millis, p.maximumInterval().toMillis());
    return Duration.ofMillis(Math.max(0, capped));
  }

  public static Outcome next(RetryPolicy p, int attempt, Failure failure, Instant scheduledTime,
      Duration scheduleToClose, Instant now) {
    if (failure != null && failure.applicationFailureInfo() != null) {
      var info = failure.applicationFailureInfo();
      if (info.nonRetryable() || p.nonRetryableErrorTypes().contains(info.type())) {
        return new Outcome(null, RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE);
      }
    }
    if (p.maximumAttempts() > 0 && attempt >= p.maximumAttempts()) {
      return new Outcome(null, RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED);
    }
    Duration delay = backoff(p, attempt);
    if (failure != null && failure.applicationFailureInfo() != null && failure.applicationFailureInfo().nextRetryDelay() != null) {
      delay = failure.applicationFailureInfo().nextRetryDelay();
    }
    if (scheduleToClose != null && scheduledTime != null
        && now.plus(delay).isAfter(scheduledTime.plus(scheduleToClose))) {
      return new Outcome(null, RetryState.RETRY_STATE_TIMEOUT);
    }
    return new Outcome(delay, RetryState.RETRY_STATE_IN_PROGRESS);
  }
}
