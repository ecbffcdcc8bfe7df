package dev.cairn.internal.service;

import dev.cairn.internal.history.SearchAttributeMaps;
import java.util.Map;

import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.ExecutionState;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.PendingActivity;
import dev.cairn.internal.store.PendingChild;
import dev.cairn.internal.store.PendingExternal;
import dev.cairn.internal.store.PendingTimer;
import dev.cairn.internal.store.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a decision's commands into one commit: a WorkflowTaskCompleted, the command events, the
 * state they open or close, and the tasks they create (activities, timers, the next run).
 */
final class DecisionCommitter {
  private final WorkflowService service;
  private final ExecutionRecord rec;
  private final WorkflowExecutionStarted started;
  private final ExecutionState.Builder state;
  private final Instant now;
  private final List<HistoryEvent> events = new ArrayList<>();
  private final List<OutboxTask> tasks = new ArrayList<>();
  private WorkflowExecutionStatus status;
  private Instant closeTime;
  private Commit.NewRun next;
  private long eventId;
  private Map<String, Object> searchAttributes;

  DecisionCommitter(WorkflowService service, ExecutionRecord rec, WorkflowExecutionStarted started,
      ExecutionState.Builder state, Instant now) {
    this.service = service;
    this.rec = rec;
    this.started = started;
    this.state = state;
    this.now = now;
    this.status = rec.status();
    this.eventId = rec.lastEventId();
    this.searchAttributes = rec.searchAttributes();
  }

  void commit(List<CommandEvent> commands) {
    // Past the warning threshold the event says so, for tools reading history (invariant 8).
    long length = rec.lastEventId() + 1;
    append(new WorkflowTaskCompleted(null, service.historyLimits().isWarning(length) ? length : 0));
    for (CommandEvent c : commands) {
      EventAttributes recorded = apply(c);
      append(recorded);
    }
    boolean open = status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    ExecutionState nextState = open ? state.build() : state.build().closed();
    // Upserted search attributes land on the record, where GET /workflows filters and describe reads them.
    ExecutionRecord rec = this.rec.withSearchAttributes(searchAttributes);
    // A closing run's own tasks are moot; its children and its parent still hear of the close.
    List<OutboxTask> toSend = open ? tasks : service.children().onClose(rec.next(status, closeTime, eventId, state.build()),
        started, status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW, now);
    service.commitAndSend(new Commit(rec.version(), rec.next(status, closeTime, eventId, nextState), events, toSend, next));
  }

  private void append(EventAttributes a) {
    events.add(new HistoryEvent(++eventId, now, a));
  }

  private EventAttributes apply(CommandEvent c) {
    long id = eventId + 1;
    return switch (c) {
      case ActivityTaskScheduled a -> {
        state.activities.put(id, new PendingActivity(id, a.activityId(), a.activityType(), a.taskQueue(), 1, now, now,
            null, null, false));
        Task.ActivityTask task = new Task.ActivityTask(rec.key(), rec.workflowType(), id, a.activityId(), a.activityType(),
            a.taskQueue(), 1, a.input(), now, a.scheduleToCloseTimeout(), a.scheduleToStartTimeout(),
            a.startToCloseTimeout(), a.heartbeatTimeout(), a.retryPolicy());
        tasks.add(new OutboxTask(service.newId(), task, now));
        // Committed with the schedule so they fire even if every worker is down (invariants 2 and 6).
        if (a.scheduleToStartTimeout() != null) {
          tasks.add(new OutboxTask(service.newId(), new Task.ActivityTimeoutTask(rec.key(), id, 1,
              TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START), now.plus(a.scheduleToStartTimeout())));
        }
        if (a.scheduleToCloseTimeout() != null) {
          tasks.add(new OutboxTask(service.newId(), new Task.ActivityTimeoutTask(rec.key(), id, 0,
              TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE), now.plus(a.scheduleToCloseTimeout())));
        }
        yield a;
      }
      case ActivityTaskCancelRequested a -> {
        PendingActivity pa = state.activities.get(a.scheduledEventId());
        if (pa != null) {
          state.activities.put(a.scheduledEventId(), pa.withCancelRequested());
        }
        yield a;
      }
      case TimerStarted t -> {
        Instant fireAt = now.plus(t.startToFireTimeout());
        state.timers.put(t.timerId(), new PendingTimer(id, fireAt));
        tasks.add(new OutboxTask(service.newId(), new Task.TimerTask(rec.key(), t.timerId(), fireAt), fireAt));
        yield t;
      }
      case TimerCanceled t -> {
        state.timers.remove(t.timerId());
        yield t;
      }
      case MarkerRecorded m -> m;
      case UpsertWorkflowSearchAttributes u -> {
        searchAttributes = SearchAttributeMaps.merge(searchAttributes, u.searchAttributes());
        yield u;
      }
      case WorkflowExecutionCompleted x -> {
        next = service.starts().nextCronRun(rec, service.startedEvent(rec.key()), now, x.result(), null);
        yield close(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
            next == null ? x : new WorkflowExecutionCompleted(x.result(), next.record().key().runId()));
      }
      case WorkflowExecutionFailed x -> {
        WorkflowExecutionStarted started = service.startedEvent(rec.key());
        next = service.starts().nextCronRun(rec, started, now, started.lastCompletionResult(), x.failure());
        yield close(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED,
            next == null ? x : new WorkflowExecutionFailed(x.failure(), x.retryState(), next.record().key().runId()));
      }
      case WorkflowExecutionCanceled x -> close(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED, x);
      case WorkflowExecutionContinuedAsNew x -> {
        String runId = service.newId();
        WorkflowExecutionStarted started = service.startedEvent(rec.key());
        next = service.starts().continuedRun(service.starts().continuation(rec, started, x), runId, rec, started, x);
        yield close(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW,
            new WorkflowExecutionContinuedAsNew(runId, x.workflowType(), x.taskQueue(), x.input(), x.workflowRunTimeout(),
                x.backoffStartInterval(), x.initiator(), x.failure(), x.lastCompletionResult(), x.memo(), x.searchAttributes()));
      }
      case StartChildWorkflowExecutionInitiated x -> {
        state.children.put(id, new PendingChild(id, x.workflowId(), x.workflowType(), null, x.parentClosePolicy(), 0));
        tasks.add(new OutboxTask(service.newId(), new Task.StartChildTask(rec.key(), id), now));
        yield x;
      }
      case RequestCancelExternalWorkflowExecutionInitiated x when !x.childWorkflowOnly() -> {
        state.externals.put(id, new PendingExternal(id, x.workflowId(), PendingExternal.Kind.CANCEL));
        tasks.add(new OutboxTask(service.newId(), new Task.CancelExternalTask(rec.key(), id), now));
        yield x;
      }
      case RequestCancelExternalWorkflowExecutionInitiated x -> {
        // A child's cancellation (ChildWorkflowCall): tracked on its PendingChild.
        state.children.values().stream().filter(pc -> pc.workflowId().equals(x.workflowId())).findFirst().ifPresent(pc -> {
          state.children.put(pc.initiatedEventId(), pc.withCancelInitiated(id));
          tasks.add(new OutboxTask(service.newId(), new Task.CancelChildTask(rec.key(), id, pc.initiatedEventId()), now));
        });
        yield x;
      }
      case SignalExternalWorkflowExecutionInitiated x -> {
        state.externals.put(id, new PendingExternal(id, x.workflowId(), PendingExternal.Kind.SIGNAL));
        tasks.add(new OutboxTask(service.newId(), new Task.SignalExternalTask(rec.key(), id), now));
        yield x;
      }
      case WorkflowExecutionUpdateCompleted x -> x; // the caller waiting on the update reads it from history
    };
  }

  private EventAttributes close(WorkflowExecutionStatus newStatus, EventAttributes event) {
    status = newStatus;
    closeTime = now;
    return event;
  }
}
