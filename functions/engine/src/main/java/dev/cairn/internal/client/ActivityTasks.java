package dev.cairn.internal.client;

import dev.cairn.internal.history.EventAttributes.ActivityTaskScheduled;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.PendingActivity;
import dev.cairn.internal.store.Task;
import dev.cairn.internal.worker.TaskToken;

/** Rebuilds an activity task from history, for completions that arrive without the original message. */
final class ActivityTasks {
  private ActivityTasks() {}

  static Task.ActivityTask rebuild(WorkflowService service, TaskToken t) {
    ExecutionRecord rec = service.store().get(t.key()).orElse(null);
    PendingActivity pa = rec == null ? null : rec.state().activities().get(t.scheduledEventId());
    if (pa == null) {
      return null;
    }
    for (HistoryEvent e : service.store().readHistory(t.key(), t.scheduledEventId(), 1)) {
      if (e.attributes() instanceof ActivityTaskScheduled s) {
        return new Task.ActivityTask(t.key(), rec.workflowType(), e.eventId(), s.activityId(), s.activityType(), s.taskQueue(),
            t.attempt(), s.input(), e.timestamp(), s.scheduleToCloseTimeout(), s.scheduleToStartTimeout(),
            s.startToCloseTimeout(), s.heartbeatTimeout(), s.retryPolicy());
      }
    }
    return null;
  }
}
