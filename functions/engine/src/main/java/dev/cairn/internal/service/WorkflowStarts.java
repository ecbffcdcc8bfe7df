package dev.cairn.internal.service;

import static dev.cairn.internal.service.WorkflowService.MAX_CONFLICT_RETRIES;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.api.enums.v1.WorkflowIdConflictPolicy;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
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
 * How runs start: a client's start under its workflow id reuse and conflict policies, and the runs
 * that follow one another (continue-as-new, cron) or a parent (child workflows). Each new run is
 * created with its first decision and its timeout task in one commit.
 */
final class WorkflowStarts {
  private final WorkflowService service;
  private final HistoryStore store;
  private final Clock clock;
  private final Supplier<String> ids;

  WorkflowStarts(WorkflowService service, HistoryStore store, Clock clock, Supplier<String> ids) {
    this.service = service;
    this.store = store;
    this.clock = clock;
    this.ids = ids;
  }

  WorkflowExecution start(StartRequest r) {
    validate(r);
    for (int i = 0; i < MAX_CONFLICT_RETRIES; i++) {
      Optional<ExecutionRecord> current = store.getCurrent(r.workflowId());
      if (current.isPresent()) {
        ExecutionRecord c = current.get();
        if (c.isOpen()) {
          WorkflowIdConflictPolicy policy = r.conflictPolicy() == null ? WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL : r.conflictPolicy();
          if (r.conflictPolicy() == null && r.reusePolicy() == WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING) {
            policy = WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING; // Temporal's older spelling of it
          }
          if (policy == WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING) {
            if (r.signalName() != null) {
              service.signal(r.workflowId(), null, r.signalName(), r.signalInput());
            }
            return service.execution(c.key());
          }
          if (r.signalName() != null && policy != WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING) {
            service.signal(r.workflowId(), null, r.signalName(), r.signalInput());
            return service.execution(c.key());
          }
          if (policy != WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING) {
            throw new WorkflowExecutionAlreadyStarted(service.execution(c.key()), r.workflowType(), null);
          }
          service.terminate(r.workflowId(), null, "terminated by a start with TERMINATE_EXISTING");
          continue;
        }
        if (!reuseAllowed(r.reusePolicy(), c.status())) {
          throw new WorkflowExecutionAlreadyStarted(service.execution(c.key()), r.workflowType(), null);
        }
      }
      Commit.NewRun run = newRun(r, ids.get(), null, null, clock.instant());
      try {
        store.create(run, current.map(c -> c.key().runId()).orElse(null));
      } catch (ConcurrentUpdateException e) {
        continue;
      }
      service.send(run.record().key(), run.tasks());
      return service.execution(run.record().key());
    }
    throw new ConcurrentUpdateException("could not start " + r.workflowId() + ": too many concurrent changes");
  }

  static boolean reuseAllowed(WorkflowIdReusePolicy policy, WorkflowExecutionStatus closed) {
    if (policy == null) {
      return true;
    }
    return switch (policy) {
      case WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE -> false;
      case WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY -> closed != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED
          && closed != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW;
      default -> true;
    };
  }

  /** The parent of a child run, as its WorkflowExecutionStarted records it. */
  record ParentLink(String workflowId, String runId, long initiatedEventId) {
    static ParentLink of(WorkflowExecutionStarted s) {
      return s.parentWorkflowId() == null ? null : new ParentLink(s.parentWorkflowId(), s.parentRunId(), s.parentInitiatedEventId());
    }
  }


  /** Refuses what Temporal refuses at start: a cron schedule it cannot read, a start delay with a cron schedule. */
  private static void validate(StartRequest r) {
    if (r.cronSchedule() != null && !r.cronSchedule().isBlank()) {
      CronSchedule.parse(r.cronSchedule());
      if (r.startDelay() != null && !r.startDelay().isZero()) {
        throw new IllegalArgumentException("startDelay cannot be combined with cronSchedule: the schedule decides when runs start");
      }
    }
  }

  /**
   * How a run follows the one before it (continue-as-new, cron): what it inherits, and how long its
   * first decision waits. Null for a run that a client, a schedule or an event started.
   */
  record Chain(String previousRunId, String firstRunId, String initiator, Instant expiration, Payloads lastCompletionResult,
      Failure continuedFailure, java.time.Duration backoff) {}

  /**
   * A new run: its WorkflowExecutionStarted, its first decision (due after the start delay or cron
   * backoff) and, with a run or execution timeout, its timeout task, due at the earlier deadline and
   * committed with the run so the deadline holds whatever else fails (invariants 2 and 7).
   */
  Commit.NewRun newRun(StartRequest r, String runId, Chain chain, ParentLink parent, Instant now) {
    ExecutionKey key = new ExecutionKey(r.workflowId(), runId);
    java.time.Duration backoff = chain != null ? chain.backoff() : r.startDelay();
    boolean cron = r.cronSchedule() != null && !r.cronSchedule().isBlank();
    if (chain == null && cron) {
      // Temporal's first cron run waits for the first schedule time too
      backoff = java.time.Duration.between(now, CronSchedule.parse(r.cronSchedule()).nextRunAfter(now, now));
    }
    Instant firstDecision = backoff == null ? now : now.plus(backoff);
    Instant expiration = chain != null ? chain.expiration()
        : r.executionTimeout() == null ? null : firstDecision.plus(r.executionTimeout());
    Instant deadline = r.runTimeout() == null ? expiration : firstDecision.plus(r.runTimeout());
    if (expiration != null && deadline.isAfter(expiration)) {
      deadline = expiration;
    }
    List<HistoryEvent> events = new ArrayList<>();
    events.add(new HistoryEvent(1, now, new WorkflowExecutionStarted(r.workflowType(), r.taskQueue(), r.input(),
        r.executionTimeout(), r.runTimeout(), 1, r.cronSchedule(),
        chain == null || chain.firstRunId() == null ? runId : chain.firstRunId(),
        chain == null ? null : chain.previousRunId(), parent == null ? null : parent.workflowId(),
        parent == null ? null : parent.runId(), parent == null ? null : parent.initiatedEventId(),
        chain == null ? null : chain.lastCompletionResult(), chain == null ? null : chain.continuedFailure(),
        r.memo(), r.searchAttributes(), backoff == null || backoff.isZero() ? null : backoff, null, null, runId,
        chain == null ? null : chain.initiator(), expiration)));
    if (r.signalName() != null) {
      events.add(new HistoryEvent(2, now, new WorkflowExecutionSignaled(r.signalName(), r.signalInput(), null)));
    }
    List<OutboxTask> tasks = new ArrayList<>();
    tasks.add(new OutboxTask(ids.get(), new Task.DecisionTask(key), firstDecision));
    if (deadline != null) {
      tasks.add(new OutboxTask(ids.get(), new Task.WorkflowTimeoutTask(key, deadline), deadline));
    }
    ExecutionRecord record = new ExecutionRecord(key, r.workflowType(), r.taskQueue(),
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, now, null, 1, events.size(), r.searchAttributes(),
        ExecutionState.initial());
    return new Commit.NewRun(record, events, tasks);
  }

  /**
   * The run a cron schedule starts after {@code rec} closes at {@code now}, or null: no schedule, or
   * the execution timeout ends the workflow before the next schedule time. As in Temporal, it is a new
   * run of the same workflow id whose first decision waits for the schedule time, started with the
   * same arguments, with the closed run's result as {@code Workflow.getLastCompletionResult}.
   */
  Commit.NewRun nextCronRun(ExecutionRecord rec, WorkflowExecutionStarted started, Instant now, Payloads lastResult,
      Failure failure) {
    if (started.cronSchedule() == null || started.cronSchedule().isBlank()) {
      return null;
    }
    Instant runStart = started.firstWorkflowTaskBackoff() == null ? rec.startTime()
        : rec.startTime().plus(started.firstWorkflowTaskBackoff());
    Instant nextStart = CronSchedule.parse(started.cronSchedule()).nextRunAfter(runStart, now);
    Instant expiration = started.workflowExecutionExpirationTime();
    if (expiration != null && !nextStart.isBefore(expiration)) {
      return null;
    }
    StartRequest r = new StartRequest(rec.key().workflowId(), started.workflowType(), started.taskQueue(), started.input(),
        null, null, started.workflowExecutionTimeout(), started.workflowRunTimeout(), null, started.cronSchedule(),
        started.memo(), rec.searchAttributes().isEmpty() ? null : rec.searchAttributes(), null, null);
    String first = started.firstExecutionRunId() == null ? rec.key().runId() : started.firstExecutionRunId();
    return newRun(r, ids.get(), new Chain(rec.key().runId(), first, EventAttributes.Initiators.CRON_SCHEDULE, expiration,
        lastResult, failure, java.time.Duration.between(now, nextStart)), ParentLink.of(started), now);
  }

  StartRequest continuation(ExecutionRecord rec, WorkflowExecutionStarted started, WorkflowExecutionContinuedAsNew c) {
    return new StartRequest(rec.key().workflowId(), c.workflowType(), c.taskQueue(), c.input(), null, null,
        started.workflowExecutionTimeout(), c.workflowRunTimeout(), c.backoffStartInterval(), started.cronSchedule(),
        c.memo(), c.searchAttributes(), null, null);
  }

  /** A run the workflow continued as new: it keeps the execution's deadline (the execution timeout spans runs). */
  Commit.NewRun continuedRun(StartRequest r, String runId, ExecutionRecord previous, WorkflowExecutionStarted started,
      WorkflowExecutionContinuedAsNew c) {
    String first = started.firstExecutionRunId() == null ? previous.key().runId() : started.firstExecutionRunId();
    String initiator = c.initiator() == null ? EventAttributes.Initiators.WORKFLOW : c.initiator();
    return newRun(r, runId, new Chain(previous.key().runId(), first, initiator, started.workflowExecutionExpirationTime(),
        c.lastCompletionResult(), c.failure(), r.startDelay()), ParentLink.of(started), clock.instant());
  }
}
