package dev.cairn.internal.store;

import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.Payloads;
import java.time.Instant;

/**
 * An activity between its ActivityTaskScheduled event and its outcome: the attempt now due or
 * running, when the next attempt is due, and the last failure, as describe shows them.
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
    boolean cancelRequested) {

  public PendingActivity withAttempt(int next, Instant due, Failure failure) {
    return new PendingActivity(scheduledEventId, activityId, activityType, taskQueue, next, scheduledTime, due,
        failure, heartbeatDetails, cancelRequested);
  }

  public PendingActivity withHeartbeat(Payloads details) {
    return new PendingActivity(scheduledEventId, activityId, activityType, taskQueue, attempt, scheduledTime,
        nextAttemptTime, lastFailure, details, cancelRequested);
  }

  public PendingActivity withCancelRequested() {
    return new PendingActivity(scheduledEventId, activityId, activityType, taskQueue, attempt, scheduledTime,
        nextAttemptTime, lastFailure, heartbeatDetails, true);
  }
}
