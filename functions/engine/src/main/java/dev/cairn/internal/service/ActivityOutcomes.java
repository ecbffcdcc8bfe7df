package dev.cairn.internal.service;

import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.service.WorkflowService.ActivityNotCancelRequestedException;
import dev.cairn.internal.service.WorkflowService.StaleActivityException;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.ExecutionState;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.PendingActivity;
import dev.cairn.internal.store.Task;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What becomes of an activity attempt: completed, failed or timed out (retried per its policy or
 * recorded), started, heartbeating, or acknowledging its cancellation. Each outcome is checked against
 * the run's {@link PendingActivity} first, so a stale or duplicate report changes nothing.
 */
final class ActivityOutcomes {
  private final WorkflowService service;
  private final HistoryStore store;
  private final Clock clock;
  private final Supplier<String> ids;

  ActivityOutcomes(WorkflowService service, HistoryStore store, Clock clock, Supplier<String> ids) {
    this.service = service;
    this.store = store;
    this.clock = clock;
    this.ids = ids;
  }

  /** Records an attempt's result once; a stale or duplicate completion is ignored. Returns whether recorded. */
  boolean completeActivity(ExecutionKey key, long scheduledEventId, int attempt, Payloads result, String identity) {
    return activityOutcome(key, scheduledEventId, attempt, (rec, pa) -> List.of(
        new ActivityTaskStarted(scheduledEventId, attempt, identity, pa.lastFailure()),
        new ActivityTaskCompleted(scheduledEventId, rec.lastEventId() + 1, result, identity)));
  }

  /** A failed attempt: retried per policy (a delayed task, no event), or recorded as failed. */
  boolean failActivity(ExecutionKey key, Task.ActivityTask task, Failure failure, String identity) {
    return retryOrClose(key, task, task.attempt(), failure, identity, null);
  }

  /** An attempt exceeded a timeout. Start-to-close and heartbeat timeouts are retried per policy. */
  boolean timeoutActivity(ExecutionKey key, Task.ActivityTask task, int attempt, TimeoutType type) {
    Failure failure = Failure.of("activity " + type.shortName() + " timeout", Failure.JAVA_SDK, null, null,
        new Failure.TimeoutFailureInfo(type, null));
    boolean retryable = type == TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE || type == TimeoutType.TIMEOUT_TYPE_HEARTBEAT;
    return retryOrClose(key, task, attempt, failure, null, retryable ? null : RetryState.RETRY_STATE_TIMEOUT);
  }

  private boolean retryOrClose(ExecutionKey key, Task.ActivityTask task, int attempt, Failure failure, String identity,
      RetryState forcedStop) {
    return service.retrying(() -> {
      ExecutionRecord rec = store.get(key).orElse(null);
      PendingActivity pa = rec == null || !rec.isOpen() ? null : rec.state().activities().get(task.scheduledEventId());
      if (pa == null || pa.attempt() != attempt) {
        return false;
      }
      if (failure.timeoutFailureInfo() != null
          && failure.timeoutFailureInfo().timeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START
          && pa.startedTime() != null) {
        return false; // a worker picked the attempt up in time
      }
      Instant now = clock.instant();
      RetrySchedule.Outcome outcome = forcedStop != null ? new RetrySchedule.Outcome(null, forcedStop)
          : RetrySchedule.next(task.retryPolicy(), attempt, failure, task.scheduledTime(), task.scheduleToCloseTimeout(), now);
      if (outcome.retry()) {
        Instant due = now.plus(outcome.delay());
        ExecutionState.Builder state = rec.state().toBuilder();
        state.activities.put(task.scheduledEventId(), pa.withAttempt(attempt + 1, due, failure));
        List<OutboxTask> tasks = List.of(new OutboxTask(ids.get(), task.withAttempt(attempt + 1), due));
        store.commit(new Commit(rec.version(), rec.next(rec.status(), null, rec.lastEventId(), state.build()),
            List.of(), tasks, null));
        service.send(key, tasks);
        return true;
      }
      boolean timedOut = failure.timeoutFailureInfo() != null;
      List<EventAttributes> events = List.of(
          new ActivityTaskStarted(task.scheduledEventId(), attempt, identity, pa.lastFailure()),
          timedOut ? new ActivityTaskTimedOut(task.scheduledEventId(), rec.lastEventId() + 1, failure, outcome.stop())
              : new ActivityTaskFailed(task.scheduledEventId(), rec.lastEventId() + 1, failure, outcome.stop(), identity));
      service.appendWithDecision(rec, events, b -> b.activities.remove(task.scheduledEventId()));
      return true;
    });
  }

  /**
   * Records that a worker picked up the attempt, so a schedule-to-start timeout no longer applies.
   * Costs a commit, so runtimes call it only for an activity with a schedule-to-start timeout.
   * Returns false when the attempt is stale or already recorded as started.
   */
  boolean recordActivityStarted(ExecutionKey key, long scheduledEventId, int attempt) {
    return service.retrying(() -> {
      ExecutionRecord rec = store.get(key).orElse(null);
      PendingActivity pa = rec == null || !rec.isOpen() ? null : rec.state().activities().get(scheduledEventId);
      if (pa == null || pa.attempt() != attempt || pa.startedTime() != null) {
        return false;
      }
      ExecutionState.Builder state = rec.state().toBuilder();
      state.activities.put(scheduledEventId, pa.withStarted(clock.instant()));
      store.commit(new Commit(rec.version(), rec.next(rec.status(), null, rec.lastEventId(), state.build()),
          List.of(), List.of(), null));
      return true;
    });
  }

  /** Saves heartbeat details; returns whether cancellation was requested (false if the attempt is stale). */
  boolean heartbeat(ExecutionKey key, long scheduledEventId, int attempt, Payloads details) {
    return service.retrying(() -> {
      ExecutionRecord rec = store.get(key).orElse(null);
      PendingActivity pa = rec == null || !rec.isOpen() ? null : rec.state().activities().get(scheduledEventId);
      if (pa == null || pa.attempt() != attempt) {
        throw new StaleActivityException(key, scheduledEventId, attempt);
      }
      if (details != null) {
        ExecutionState.Builder state = rec.state().toBuilder();
        state.activities.put(scheduledEventId, pa.withHeartbeat(details));
        store.commit(new Commit(rec.version(), rec.next(rec.status(), null, rec.lastEventId(), state.build()),
            List.of(), List.of(), null));
      }
      return pa.cancelRequested();
    });
  }

  /**
   * Records that an attempt acknowledged its cancellation. Refused, as Temporal's server refuses it,
   * when the workflow never asked to cancel the activity: it must complete or fail instead.
   *
   * @throws ActivityNotCancelRequestedException when the attempt is running but no cancel was requested
   */
  boolean reportActivityCanceled(ExecutionKey key, long scheduledEventId, int attempt, Payloads details) {
    return activityOutcome(key, scheduledEventId, attempt, (rec, pa) -> {
      if (!pa.cancelRequested()) {
        throw new ActivityNotCancelRequestedException(key, scheduledEventId, attempt);
      }
      return List.of(new ActivityTaskStarted(scheduledEventId, attempt, null, pa.lastFailure()),
          new ActivityTaskCanceled(scheduledEventId, rec.lastEventId() + 1, details, null));
    });
  }

  /**
   * The task of a still-pending activity, rebuilt from its ActivityTaskScheduled event, for outcomes
   * that arrive without the original message (async completion, schedule timeouts).
   */
  Optional<Task.ActivityTask> pendingActivityTask(ExecutionKey key, long scheduledEventId, int attempt) {
    ExecutionRecord rec = store.get(key).orElse(null);
    if (rec == null || !rec.state().activities().containsKey(scheduledEventId)) {
      return Optional.empty();
    }
    for (HistoryEvent e : store.readHistory(key, scheduledEventId, 1)) {
      if (e.attributes() instanceof ActivityTaskScheduled s) {
        return Optional.of(new Task.ActivityTask(key, rec.workflowType(), e.eventId(), s.activityId(), s.activityType(),
            s.taskQueue(), attempt, s.input(), e.timestamp(), s.scheduleToCloseTimeout(), s.scheduleToStartTimeout(),
            s.startToCloseTimeout(), s.heartbeatTimeout(), s.retryPolicy()));
      }
    }
    return Optional.empty();
  }

  private boolean activityOutcome(ExecutionKey key, long scheduledEventId, int attempt,
      java.util.function.BiFunction<ExecutionRecord, PendingActivity, List<EventAttributes>> events) {
    return service.retrying(() -> {
      ExecutionRecord rec = store.get(key).orElse(null);
      PendingActivity pa = rec == null || !rec.isOpen() ? null : rec.state().activities().get(scheduledEventId);
      if (pa == null || pa.attempt() != attempt) {
        return false;
      }
      service.appendWithDecision(rec, events.apply(rec, pa), b -> b.activities.remove(scheduledEventId));
      return true;
    });
  }
}
