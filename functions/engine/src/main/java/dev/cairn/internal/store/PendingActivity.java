package dev.cairn.internal.store;

import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.Payloads;
import java.time.Instant;

/**
 * An activity between its ActivityTaskScheduled event and its outcome: the attempt now due or
 * running, when the next attempt is due, and the last failure, as describe shows them.
 * {@code startedTime} is when a worker picked up the current attempt, recorded only where a
 * schedule-to-start timeout needs to know (null otherwise, and again for each new attempt).
 */
public record PendingActivity(
    long scheduledEventId,
    String activityId,
    String activityType,
    String taskQueue,
    int attempt,
    Instant scheduledTime,
    Instant nextAttemptTime,
    Failure lastFailure,
    Payloads heartbeatDetails,
    boolean cancelRequested,
    Instant startedTime) {

  /** An activity whose current attempt has not been picked up. */
  public PendingActivity(long scheduledEventId, String activityId, String activityType, String taskQueue, int attempt,
      Instant scheduledTime, Instant nextAttemptTime, Failure lastFailure, Payloads heartbeatDetails,
      boolean cancelRequested) {
    this(scheduledEventId, activityId, activityType, taskQueue, attempt, scheduledTime, nextAttemptTime, lastFailure,
        heartbeatDetails, cancelRequested, null);
  }

  public PendingActivity withAttempt(int next, Instant due, Failure failure) {
    return new PendingActivity(scheduledEventId, activityId, activityType, taskQueue, next, scheduledTime, due,
        failure, heartbeatDetails, cancelRequested, null);
  }

  public PendingActivity withHeartbeat(Payloads details) {
    return new PendingActivity(scheduledEventId, activityId, activityType, taskQueue, attempt, scheduledTime,
        nextAttemptTime, lastFailure, details, cancelRequested, startedTime);
  }

  public PendingActivity withCancelRequested() {
    return new PendingActivity(scheduledEventId, activityId, activityType, taskQueue, attempt, scheduledTime,
        nextAttemptTime, lastFailure, heartbeatDetails, true, startedTime);
  }

  public PendingActivity withStarted(Instant at) {
    return new PendingActivity(scheduledEventId, activityId, activityType, taskQueue, attempt, scheduledTime,
        nextAttemptTime, lastFailure, heartbeatDetails, cancelRequested, at);
  }
}
