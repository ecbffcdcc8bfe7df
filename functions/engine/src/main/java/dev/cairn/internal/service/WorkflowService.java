package dev.cairn.internal.service;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ConcurrentUpdateException;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.ExecutionState;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine's use cases over a history store and a task dispatcher: start, signal, cancel,
 * terminate, decide, and record activity and timer outcomes. Each is read, decide, one conditional
 * commit, then send: a conflict re-reads and tries again, and every task is checked against the
 * run's state first, so duplicates and stale deliveries change nothing. This class is the facade and
 * keeps the shared steps (append, commit and send, retry on conflict); each use case lives in its own
 * collaborator: {@link WorkflowStarts}, {@link WorkflowUpdates}, {@link DecisionTasks},
 * {@link ActivityOutcomes}, {@link TimerFirings}, {@link ChildWorkflows}, {@link ExternalWorkflows}.
 */
public final class WorkflowService {
  static final int MAX_CONFLICT_RETRIES = 50;
  private static final int PAGE = 1000;

  private final HistoryStore store;
  private final TaskDispatcher dispatcher;
  private final Clock clock;
  private final Supplier<String> ids;
  private final HistoryLimits limits;
  private final ChildWorkflows children = new ChildWorkflows(this);
  private final ExternalWorkflows externals = new ExternalWorkflows(this);
  private final ActivityOutcomes activities;
  private final WorkflowUpdates updates;
  private final TimerFirings timers;
  private final WorkflowStarts starts;
  private final DecisionTasks decisions;

  public WorkflowService(String namespace, HistoryStore store, TaskDispatcher dispatcher, ReplayEngine engine,
      Clock clock, Supplier<String> ids) {
    this(namespace, store, dispatcher, engine, clock, ids, HistoryLimits.DEFAULT);
  }

  public WorkflowService(String namespace, HistoryStore store, TaskDispatcher dispatcher, ReplayEngine engine,
      Clock clock, Supplier<String> ids, HistoryLimits limits) {
    this.limits = limits;
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.ids = ids;
    this.activities = new ActivityOutcomes(this, store, clock, ids);
    this.updates = new WorkflowUpdates(this, namespace, store, engine);
    this.timers = new TimerFirings(this, store, dispatcher, clock, ids);
    this.starts = new WorkflowStarts(this, store, clock, ids);
    this.decisions = new DecisionTasks(this, namespace, store, engine, clock, limits);
  }

  public HistoryStore store() {
    return store;
  }

  public HistoryLimits historyLimits() {
    return limits;
  }

  // ------------------------------------------------------------------ client operations

  /** Starts a run under the request's id reuse and conflict policies (see WorkflowStarts). */
  public WorkflowExecution start(StartRequest r) {
    return starts.start(r);
  }

  public void signal(String workflowId, String runId, String name, Payloads input) {
    appendToOpenRun(resolve(workflowId, runId), new WorkflowExecutionSignaled(name, input, null));
  }

  public void requestCancel(String workflowId, String runId) {
    appendToOpenRun(resolve(workflowId, runId), new WorkflowExecutionCancelRequested(null, null));
  }

  public void terminate(String workflowId, String runId, String reason) {
    ExecutionKey key = resolve(workflowId, runId);
    retrying(() -> {
      ExecutionRecord rec = openRecord(key);
      Instant now = clock.instant();
      HistoryEvent e = new HistoryEvent(rec.lastEventId() + 1, now, new WorkflowExecutionTerminated(reason, null, null));
      List<OutboxTask> closing = children.onClose(rec, startedEvent(key), false, now);
      store.commit(new Commit(rec.version(), rec.next(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, now,
          e.eventId(), rec.state().closed()), List.of(e), closing, null));
      send(key, closing);
      return null;
    });
  }

  public ExecutionRecord describe(String workflowId, String runId) {
    return store.get(resolve(workflowId, runId)).orElseThrow();
  }

  public List<HistoryEvent> history(ExecutionKey key) {
    return historyFrom(key, 1);
  }

  List<HistoryEvent> historyFrom(ExecutionKey key, long firstEventId) {
    List<HistoryEvent> all = new ArrayList<>();
    long from = firstEventId;
    while (true) {
      List<HistoryEvent> page = store.readHistory(key, from, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
      from = page.get(page.size() - 1).eventId() + 1;
    }
  }

  public ExecutionKey resolve(String workflowId, String runId) {
    if (runId != null && !runId.isEmpty()) {
      ExecutionKey key = new ExecutionKey(workflowId, runId);
      if (store.get(key).isEmpty()) {
        throw new WorkflowNotFoundException(execution(key), null, null);
      }
      return key;
    }
    return store.getCurrent(workflowId).map(ExecutionRecord::key).orElseThrow(() -> new WorkflowNotFoundException(
        WorkflowExecution.newBuilder().setWorkflowId(workflowId).build(), null, null));
  }

  // ------------------------------------------------------------------ queries and updates (see WorkflowUpdates)

  /** Answers a query by replaying the run's recorded decisions and calling the handler; writes nothing. */
  public Payloads query(String workflowId, String runId, String queryType, Payloads args) {
    return updates.query(workflowId, runId, queryType, args);
  }

  /**
   * Accepts an update after its validator approves it on the run's current state; an update id
   * accepted before on this run returns that update.
   *
   * @throws dev.cairn.internal.replay.HandlerFailedException when the validator rejects the update
   * @throws dev.cairn.internal.replay.UnknownHandlerException when the workflow has no such update
   * @throws WorkflowClosedException when the run is closed
   */
  public AcceptedUpdate acceptUpdate(String workflowId, String runId, String updateId, String name, Payloads args) {
    return updates.acceptUpdate(workflowId, runId, updateId, name, args);
  }

  /**
   * {@link #acceptUpdate} on a run that may have just started: waits (up to {@code readyWait}) until
   * its handlers exist.
   *
   * @throws dev.cairn.internal.replay.WorkflowNotReadyException when the first decision did not run within the wait
   */
  public AcceptedUpdate acceptUpdateWhenReady(ExecutionKey key, String updateId, String name, Payloads args,
      java.time.Duration readyWait) {
    return updates.acceptUpdateWhenReady(key, updateId, name, args, readyWait);
  }

  /** An update recorded in a run's history as accepted, by the event that says so. */
  public record AcceptedUpdate(ExecutionKey key, String updateId, long acceptedEventId) {}

  /**
   * How an accepted update ended: its handler's result or failure, or the run closed before the
   * handler returned ({@code closedBeforeCompletion}). Empty while the handler runs.
   */
  public record UpdateOutcome(Payloads result, Failure failure, WorkflowExecutionStatus closedBeforeCompletion) {}

  /** The update's outcome if it has one yet; reads history from the accepted event on. */
  public Optional<UpdateOutcome> updateOutcome(AcceptedUpdate update) {
    return updates.updateOutcome(update);
  }

  /** An update accepted earlier in the run, found by its id (for callers that poll). */
  public Optional<AcceptedUpdate> findUpdate(String workflowId, String runId, String updateId) {
    return updates.findUpdate(workflowId, runId, updateId);
  }

  // ------------------------------------------------------------------ decisions (see DecisionTasks)

  /** Runs a decision for the run; a duplicate or a task with nothing new changes nothing. */
  public void handleDecisionTask(ExecutionKey key) {
    decisions.handleDecisionTask(key);
  }

  /** The decision could not be made (non-determinism, a bug in workflow code); it will be retried. */
  public static final class DecisionFailedException extends RuntimeException {
    public DecisionFailedException(ExecutionKey key, Throwable cause) {
      super("decision for " + key + " failed: " + cause.getMessage(), cause);
    }
  }

  // ------------------------------------------------------------------ activities (see ActivityOutcomes)

  /** Records an attempt's result once; a stale or duplicate completion is ignored. Returns whether recorded. */
  public boolean completeActivity(ExecutionKey key, long scheduledEventId, int attempt, Payloads result, String identity) {
    return activities.completeActivity(key, scheduledEventId, attempt, result, identity);
  }

  /** A failed attempt: retried per policy (a delayed task, no event), or recorded as failed. */
  public boolean failActivity(ExecutionKey key, Task.ActivityTask task, Failure failure, String identity) {
    return activities.failActivity(key, task, failure, identity);
  }

  /** An attempt exceeded a timeout. Start-to-close and heartbeat timeouts are retried per policy. */
  public boolean timeoutActivity(ExecutionKey key, Task.ActivityTask task, int attempt, TimeoutType type) {
    return activities.timeoutActivity(key, task, attempt, type);
  }

  /** Records that a worker picked up the attempt; false when stale or already recorded as started. */
  public boolean recordActivityStarted(ExecutionKey key, long scheduledEventId, int attempt) {
    return activities.recordActivityStarted(key, scheduledEventId, attempt);
  }

  /** Saves heartbeat details; returns whether cancellation was requested (false if the attempt is stale). */
  public boolean heartbeat(ExecutionKey key, long scheduledEventId, int attempt, Payloads details) {
    return activities.heartbeat(key, scheduledEventId, attempt, details);
  }

  /**
   * Records that an attempt acknowledged its cancellation.
   *
   * @throws ActivityNotCancelRequestedException when the attempt is running but no cancel was requested
   */
  public boolean reportActivityCanceled(ExecutionKey key, long scheduledEventId, int attempt, Payloads details) {
    return activities.reportActivityCanceled(key, scheduledEventId, attempt, details);
  }

  /** The task of a still-pending activity, rebuilt from its ActivityTaskScheduled event. */
  public Optional<Task.ActivityTask> pendingActivityTask(ExecutionKey key, long scheduledEventId, int attempt) {
    return activities.pendingActivityTask(key, scheduledEventId, attempt);
  }

  /** An attempt reported itself cancelled though its workflow never requested the activity's cancellation. */
  public static final class ActivityNotCancelRequestedException extends IllegalStateException {
    public ActivityNotCancelRequestedException(ExecutionKey key, long scheduledEventId, int attempt) {
      super("activity " + scheduledEventId + " attempt " + attempt + " of " + key
          + " cannot be marked canceled: its workflow did not request its cancellation; complete or fail it instead");
    }
  }

  /** The activity's attempt is over or was never this one. */
  public static final class StaleActivityException extends RuntimeException {
    public StaleActivityException(ExecutionKey key, long scheduledEventId, int attempt) {
      super("activity " + scheduledEventId + " attempt " + attempt + " of " + key + " is no longer running", null, false, false);
    }
  }

  // ------------------------------------------------------------------ timers and timeouts (see TimerFirings)

  /** Fires a timer once; early (a chained delay) re-queues it, stale does nothing. */
  public void fireTimer(Task.TimerTask task) {
    timers.fireTimer(task);
  }

  /**
   * Ends a run whose run or execution timeout passed (TIMED_OUT); a cron workflow's next run starts as
   * after any other close. Early re-queues the task; a closed or unknown run ignores it.
   */
  public void timeoutWorkflow(Task.WorkflowTimeoutTask task) {
    timers.timeoutWorkflow(task);
  }

  // ------------------------------------------------------------------ shared

  /** Appends events to an open run, queuing a decision for them. */
  private void appendToOpenRun(ExecutionKey key, EventAttributes event) {
    retrying(() -> {
      appendWithDecision(openRecord(key), List.of(event), x -> { });
      return null;
    });
  }

  ExecutionRecord openRecord(ExecutionKey key) {
    ExecutionRecord rec = store.get(key).orElseThrow(() -> new WorkflowNotFoundException(execution(key), null, null));
    if (!rec.isOpen()) {
      throw new WorkflowClosedException(key, rec.status());
    }
    return rec;
  }

  /** The run is closed; signals, cancels and terminations are refused (HTTP 409). */
  public static final class WorkflowClosedException extends RuntimeException {
    public WorkflowClosedException(ExecutionKey key, WorkflowExecutionStatus status) {
      super("workflow " + key + " is closed (" + status.shortName() + ")");
    }
  }

  /** Appends events and queues a decision unless one is queued already (invariant 4). */
  void appendWithDecision(ExecutionRecord rec, List<EventAttributes> attrs,
      java.util.function.Consumer<ExecutionState.Builder> stateChange) {
    Instant now = clock.instant();
    List<HistoryEvent> events = new ArrayList<>();
    long id = rec.lastEventId();
    for (EventAttributes a : attrs) {
      events.add(new HistoryEvent(++id, now, a));
    }
    ExecutionState.Builder state = rec.state().toBuilder();
    stateChange.accept(state);
    List<OutboxTask> tasks = new ArrayList<>();
    if (!state.decisionPending) {
      state.decisionPending = true;
      tasks.add(new OutboxTask(ids.get(), new Task.DecisionTask(rec.key()), now));
    }
    store.commit(new Commit(rec.version(), rec.next(rec.status(), null, id, state.build()), events, tasks, null));
    send(rec.key(), tasks);
  }

  void commitAndSend(Commit commit) {
    store.commit(commit);
    send(commit.record().key(), commit.tasks());
    if (commit.next() != null) {
      send(commit.next().record().key(), commit.next().tasks());
    }
  }

  /** Sends committed tasks, then marks them sent; a crash in between leaves them for recovery. */
  void send(ExecutionKey key, List<OutboxTask> tasks) {
    if (tasks.isEmpty()) {
      return;
    }
    dispatcher.send(tasks);
    store.markSent(key, tasks.stream().map(OutboxTask::id).toList());
  }

  /** Re-sends tasks committed before {@code olderThan} but never marked sent (invariant 2). */
  public int recoverUnsentTasks(Instant olderThan, int limit) {
    List<HistoryStore.UnsentTask> unsent = store.findUnsentTasks(olderThan, limit);
    RuntimeException failed = null;
    for (HistoryStore.UnsentTask t : unsent) {
      try {
        send(t.key(), List.of(t.task()));
      } catch (RuntimeException e) {
        // one task that cannot be sent must not hold back the tasks committed after it
        if (failed == null) {
          failed = e;
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
    return unsent.size();
  }

  Instant now() {
    return clock.instant();
  }

  String newId() {
    return ids.get();
  }

  <T> T retrying(Supplier<T> op) {
    ConcurrentUpdateException last = null;
    for (int i = 0; i < MAX_CONFLICT_RETRIES; i++) {
      try {
        return op.get();
      } catch (ConcurrentUpdateException e) {
        last = e;
        Thread.onSpinWait();
      }
    }
    throw last;
  }

  public WorkflowExecution execution(ExecutionKey key) {
    return WorkflowExecution.newBuilder().setWorkflowId(key.workflowId()).setRunId(key.runId()).build();
  }

  WorkflowExecutionStarted startedEvent(ExecutionKey key) {
    return (WorkflowExecutionStarted) store.readHistory(key, 1, 1).get(0).attributes();
  }

  WorkflowStarts starts() {
    return starts;
  }

  ChildWorkflows children() {
    return children;
  }

  /**
   * Runs a child workflow task (start a child, record its outcome in the parent, deliver a cancel
   * request, apply a closed parent's close policy); a duplicate or stale one changes nothing.
   */
  public void handleChildTask(Task task) {
    children.handle(task);
  }

  /**
   * Runs an external workflow task (deliver a workflow's signal or cancel request to another workflow,
   * then record the outcome in the sender); a duplicate or stale one changes nothing.
   */
  public void handleExternalTask(Task task) {
    externals.handle(task);
  }

  Clock clock() {
    return clock;
  }
}
