package dev.cairn.api.workflow.v1;

import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.Payloads;
import java.time.Instant;
import java.util.Objects;

/**
 * An activity a run has scheduled and not yet seen the outcome of, as describe shows it: the attempt
 * due or running, the last attempt's failure and when the next attempt is due. Temporal's message of
 * the same name, as a plain Java type; the activity type is its name.
 */
public final class PendingActivityInfo {
  private final String activityId;
  private final String activityType;
  private final int attempt;
  private final Failure lastFailure;
  private final Instant nextAttemptScheduleTime;
  private final boolean cancelRequested;
  private final Payloads heartbeatDetails;

  public PendingActivityInfo(String activityId, String activityType, int attempt, Failure lastFailure,
      Instant nextAttemptScheduleTime, boolean cancelRequested, Payloads heartbeatDetails) {
    this.activityId = Objects.requireNonNull(activityId, "activityId");
    this.activityType = activityType;
    this.attempt = attempt;
    this.lastFailure = lastFailure;
    this.nextAttemptScheduleTime = nextAttemptScheduleTime;
    this.cancelRequested = cancelRequested;
    this.heartbeatDetails = heartbeatDetails;
  }

  public String getActivityId() {
    return activityId;
  }

  public String getActivityType() {
    return activityType;
  }

  /** The attempt due or running, from 1. */
  public int getAttempt() {
    return attempt;
  }

  public boolean hasLastFailure() {
    return lastFailure != null;
  }

  /** Why the previous attempt failed; null before any attempt failed. */
  public Failure getLastFailure() {
    return lastFailure;
  }

  /** When a retry is due after a failed attempt; null while an attempt is due now or running. */
  public Instant getNextAttemptScheduleTime() {
    return nextAttemptScheduleTime;
  }

  /** The workflow asked to cancel the activity; it ends once the attempt reports it. */
  public boolean isCancelRequested() {
    return cancelRequested;
  }

  public boolean hasHeartbeatDetails() {
    return heartbeatDetails != null;
  }

  /** What the running attempt last reported with {@code heartbeat}; null when it has not. */
  public Payloads getHeartbeatDetails() {
    return heartbeatDetails;
  }

  @Override
  public String toString() {
    return activityType + "(" + activityId + ") attempt " + attempt
        + (lastFailure == null ? "" : ", last failure: " + lastFailure.message())
        + (nextAttemptScheduleTime == null ? "" : ", next attempt at " + nextAttemptScheduleTime);
  }
}
