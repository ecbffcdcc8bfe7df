package dev.cairn.lambda;

import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.internal.store.Task;
import java.time.Duration;
import java.time.Instant;

/**
 * How long an activity attempt holds its SQS message, and which timeout a message that came back
 * means. The message stays invisible until the attempt's next deadline (its heartbeat timeout,
 * else its start-to-close timeout, else the schedule-to-close deadline) plus a margin, so it comes
 * back only if the attempt crashed or ran out of time (invariant 6).
 */
final class AttemptTimeouts {
  /** Room for recording the outcome after a deadline, and for clocks that disagree a little. */
  static final Duration MARGIN = Duration.ofSeconds(5);

  private AttemptTimeouts() {}

  /** How long to hold the message from {@code now}, or null for the queue's own visibility timeout. */
  static Duration hold(Task.ActivityTask task, Instant startedAt, Instant now) {
    Instant deadline = deadline(task, startedAt);
    Instant until = deadline;
    if (task.heartbeatTimeout() != null) {
      Instant heartbeatDue = now.plus(task.heartbeatTimeout());
      until = deadline == null || heartbeatDue.isBefore(deadline) ? heartbeatDue : deadline;
    }
    if (until == null) {
      return null;
    }
    Duration d = Duration.between(now, until);
    return (d.isNegative() ? Duration.ZERO : d).plus(MARGIN);
  }

  /** When the attempt must be over: start-to-close from its start, else the activity's schedule-to-close. */
  static Instant deadline(Task.ActivityTask task, Instant startedAt) {
    if (task.startToCloseTimeout() != null) {
      return startedAt.plus(task.startToCloseTimeout());
    }
    if (task.scheduleToCloseTimeout() != null && task.scheduledTime() != null) {
      return task.scheduledTime().plus(task.scheduleToCloseTimeout());
    }
    return null;
  }

  /**
   * Why the attempt whose message came back is over: past its start-to-close time since SQS first
   * delivered it, or otherwise silent past its heartbeat timeout; a crash without either counts as
   * start-to-close, as Temporal reports it.
   */
  static TimeoutType expired(Task.ActivityTask task, Instant firstReceived, Instant now) {
    if (task.startToCloseTimeout() != null && firstReceived != null
        && !now.isBefore(firstReceived.plus(task.startToCloseTimeout()))) {
      return TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE;
    }
    return task.heartbeatTimeout() != null ? TimeoutType.TIMEOUT_TYPE_HEARTBEAT : TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE;
  }
}
