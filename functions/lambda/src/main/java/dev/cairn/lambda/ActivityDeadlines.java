package dev.cairn.lambda;

import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.PendingActivity;
import dev.cairn.internal.store.Task;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule-to-start and schedule-to-close checks a decision commits with an activity, run when
 * they fall due. Start-to-close and heartbeat timeouts need no task here: the activity's message
 * comes back by visibility timeout ({@link ActivityAttempt}).
 */
final class ActivityDeadlines {
  private static final Logger log = LoggerFactory.getLogger(ActivityDeadlines.class);
  /** An attempt can move on between the read and the commit (a retry); try the newer one a few times. */
  private static final int TRIES = 3;

  private final WorkflowService service;
  private final HistoryStore store;

  ActivityDeadlines(WorkflowService service, HistoryStore store) {
    this.service = service;
    this.store = store;
  }

  void check(Task.ActivityTimeoutTask t) {
    switch (t.timeoutType()) {
      case TIMEOUT_TYPE_SCHEDULE_TO_START -> scheduleToStart(t);
      case TIMEOUT_TYPE_SCHEDULE_TO_CLOSE -> scheduleToClose(t);
      default -> log.warn("ignoring a {} timeout check for {}: those come back by visibility timeout",
          t.timeoutType().shortName(), t.key());
    }
  }

  /** The first attempt was never picked up in time: the activity times out (not retried, as in Temporal). */
  private void scheduleToStart(Task.ActivityTimeoutTask t) {
    Optional<PendingActivity> pa = pending(t);
    if (pa.isEmpty() || pa.get().attempt() != 1 || pa.get().startedTime() != null) {
      return;
    }
    service.pendingActivityTask(t.key(), t.scheduledEventId(), 1)
        .ifPresent(task -> service.timeoutActivity(t.key(), task, 1, t.timeoutType()));
  }

  /** The activity, whichever attempt it is on, ran out of its total time. */
  private void scheduleToClose(Task.ActivityTimeoutTask t) {
    for (int i = 0; i < TRIES; i++) {
      Optional<PendingActivity> pa = pending(t);
      if (pa.isEmpty()) {
        return;
      }
      int attempt = pa.get().attempt();
      Optional<Task.ActivityTask> task = service.pendingActivityTask(t.key(), t.scheduledEventId(), attempt);
      if (task.isEmpty() || service.timeoutActivity(t.key(), task.get(), attempt, t.timeoutType())) {
        return;
      }
    }
    throw new IllegalStateException("activity " + t.scheduledEventId() + " of " + t.key()
        + " kept changing attempts; its schedule-to-close check is delivered again");
  }

  private Optional<PendingActivity> pending(Task.ActivityTimeoutTask t) {
    return store.get(t.key()).filter(ExecutionRecord::isOpen)
        .map(r -> r.state().activities().get(t.scheduledEventId()));
  }
}
