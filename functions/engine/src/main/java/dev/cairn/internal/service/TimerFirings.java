package dev.cairn.internal.service;

import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.PendingTimer;
import dev.cairn.internal.store.Task;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines that come due: a workflow's durable timer fires, a run's run or execution timeout ends
 * it. A task delivered early (a chained delay) is queued again for its due time; one for a timer or
 * run that is no longer open changes nothing.
 */
final class TimerFirings {
  // the engine's log category stays WorkflowService's, so log configurations keep matching
  private static final Logger log = LoggerFactory.getLogger(WorkflowService.class);

  private final WorkflowService service;
  private final HistoryStore store;
  private final TaskDispatcher dispatcher;
  private final Clock clock;
  private final Supplier<String> ids;

  TimerFirings(WorkflowService service, HistoryStore store, TaskDispatcher dispatcher, Clock clock, Supplier<String> ids) {
    this.service = service;
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.ids = ids;
  }

  /** Fires a timer once; early (a chained delay) re-queues it, stale does nothing. */
  void fireTimer(Task.TimerTask task) {
    service.retrying(() -> {
      ExecutionRecord rec = store.get(task.key()).orElse(null);
      PendingTimer timer = rec == null || !rec.isOpen() ? null : rec.state().timers().get(task.timerId());
      if (timer == null) {
        return null;
      }
      if (clock.instant().isBefore(timer.fireAt())) {
        dispatcher.send(List.of(new OutboxTask(ids.get(), task, timer.fireAt())));
        return null;
      }
      service.appendWithDecision(rec, List.of(new TimerFired(task.timerId(), timer.startedEventId())),
          b -> b.timers.remove(task.timerId()));
      return null;
    });
  }

  /**
   * Ends a run whose run or execution timeout passed (TIMED_OUT, with the WorkflowExecutionTimedOut
   * event); a cron workflow's next run starts as after any other close. Early (a chained delay)
   * re-queues the task; a closed or unknown run ignores it.
   */
  void timeoutWorkflow(Task.WorkflowTimeoutTask task) {
    service.retrying(() -> {
      ExecutionRecord rec = store.get(task.key()).orElse(null);
      if (rec == null || !rec.isOpen()) {
        return null;
      }
      Instant now = clock.instant();
      if (now.isBefore(task.deadline())) {
        dispatcher.send(List.of(new OutboxTask(ids.get(), task, task.deadline())));
        return null;
      }
      WorkflowExecutionStarted started = service.startedEvent(rec.key());
      Commit.NewRun next = service.starts().nextCronRun(rec, started, now, started.lastCompletionResult(), null);
      HistoryEvent e = new HistoryEvent(rec.lastEventId() + 1, now, new WorkflowExecutionTimedOut(
          RetryState.RETRY_STATE_TIMEOUT, next == null ? null : next.record().key().runId()));
      log.info("workflow {} (type {}) timed out", rec.key(), rec.workflowType());
      // a timed-out child reports to its parent, and its own children get their close policy
      List<OutboxTask> closing = service.children().onClose(rec, started, next != null, now);
      service.commitAndSend(new Commit(rec.version(), rec.next(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT, now,
          e.eventId(), rec.state().closed()), List.of(e), closing, next));
      return null;
    });
  }
}
