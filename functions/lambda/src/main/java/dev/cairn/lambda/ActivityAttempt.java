package dev.cairn.lambda;

import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.PendingActivity;
import dev.cairn.internal.store.Task;
import dev.cairn.internal.worker.ActivityOutcome;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery of an activity task's message: checked against the run with one read, then run and
 * its outcome recorded, or recognised as stale (acknowledged, nothing changes: invariant 3), or as
 * the return of an attempt that crashed or ran out of time (recorded as timed out, which retries it
 * per its policy: invariant 6).
 */
final class ActivityAttempt {
  private static final Logger log = LoggerFactory.getLogger(ActivityAttempt.class);

  private final CairnRuntime runtime;
  private final ReceivedTask received;
  private final Task.ActivityTask task;
  private final String identity;

  ActivityAttempt(CairnRuntime runtime, ReceivedTask received, String identity) {
    this.runtime = runtime;
    this.received = received;
    this.task = (Task.ActivityTask) received.outbox().task();
    this.identity = identity;
  }

  /** Runs the delivery; an exception means SQS should deliver the message again. */
  void run() {
    WorkflowService service = runtime.service();
    Instant received0 = runtime.clock().instant();
    if (received.receiveCount() == 1) {
      // First thing, before any read: a crash from here on brings the message back after the attempt's
      // timeout, not after the queue's (much longer) default visibility.
      Duration early = AttemptTimeouts.hold(task, received0, received0);
      if (early != null) {
        hold(early);
      }
    }
    ExecutionRecord rec = runtime.store().get(task.key()).orElse(null);
    PendingActivity pending = rec == null || !rec.isOpen() ? null : rec.state().activities().get(task.scheduledEventId());
    if (pending == null || pending.attempt() != task.attempt()) {
      log.info("activity {} attempt {} of {} is no longer pending; message acknowledged", task.activityId(),
          task.attempt(), task.key());
      return;
    }
    Instant now = runtime.clock().instant();
    if (received.receiveCount() > 1) {
      TimeoutType type = AttemptTimeouts.expired(task, received.firstReceived(), now);
      log.warn("activity {} attempt {} of {} came back (receive {}): recorded as a {} timeout", task.activityId(),
          task.attempt(), task.key(), received.receiveCount(), type.shortName());
      service.timeoutActivity(task.key(), task, task.attempt(), type);
      return;
    }
    if (pending.cancelRequested()) {
      service.reportActivityCanceled(task.key(), task.scheduledEventId(), task.attempt(), null);
      return;
    }
    if (task.attempt() == 1 && task.scheduleToStartTimeout() != null
        && !service.recordActivityStarted(task.key(), task.scheduledEventId(), task.attempt())) {
      log.info("activity {} of {} timed out before it started or was started elsewhere; message acknowledged",
          task.activityId(), task.key());
      return;
    }
    ThrottledHeartbeats heartbeats = new ThrottledHeartbeats(service, task, pending.heartbeatDetails(), runtime.clock(),
        at -> extend(now, at));
    ActivityOutcome outcome = runtime.activities().execute(task, heartbeats, now);
    switch (outcome) {
      case ActivityOutcome.Completed c ->
          service.completeActivity(task.key(), task.scheduledEventId(), task.attempt(), c.result(), identity);
      case ActivityOutcome.Failed f -> {
        heartbeats.flush();
        service.failActivity(task.key(), task, f.failure(), identity);
      }
      case ActivityOutcome.Canceled c ->
          service.reportActivityCanceled(task.key(), task.scheduledEventId(), task.attempt(), c.details());
      case ActivityOutcome.CompletedLater l -> heartbeats.flush();
    }
  }

  private void hold(Duration timeout) {
    runtime.visibility().change(received.message().getEventSourceArn(), received.message().getReceiptHandle(), timeout);
  }

  /** After a heartbeat reached the store: hold the message until the next heartbeat is due. */
  private void extend(Instant startedAt, Instant now) {
    if (task.heartbeatTimeout() == null) {
      return; // the message is already held for the attempt's whole time
    }
    try {
      Duration hold = AttemptTimeouts.hold(task, startedAt, now);
      if (hold != null) {
        hold(hold);
      }
    } catch (RuntimeException e) {
      // the attempt goes on; at worst its message comes back early and is recorded as a heartbeat timeout
      log.warn("could not extend the visibility of activity {} of {}: {}", task.activityId(), task.key(), e.toString());
    }
  }
}
