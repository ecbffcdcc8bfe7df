package dev.cairn.internal.service;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.replay.Decision;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.service.WorkflowService.DecisionFailedException;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ConcurrentUpdateException;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.ExecutionState;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.OutboxTask;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decision tasks: replay the run's history through the workflow code and commit the commands it
 * returns (see {@link DecisionCommitter}). A run at the history limit is terminated instead; a
 * decision that fails is recorded on the run and retried.
 */
final class DecisionTasks {
  // the engine's log category stays WorkflowService's, so log configurations keep matching
  private static final Logger log = LoggerFactory.getLogger(WorkflowService.class);

  private final WorkflowService service;
  private final String namespace;
  private final HistoryStore store;
  private final ReplayEngine engine;
  private final Clock clock;
  private final HistoryLimits limits;

  DecisionTasks(WorkflowService service, String namespace, HistoryStore store, ReplayEngine engine, Clock clock,
      HistoryLimits limits) {
    this.service = service;
    this.namespace = namespace;
    this.store = store;
    this.engine = engine;
    this.clock = clock;
    this.limits = limits;
  }

  /** Runs a decision for the run; a duplicate or a task with nothing new changes nothing. */
  void handleDecisionTask(ExecutionKey key) {
    service.retrying(() -> {
      ExecutionRecord rec = store.get(key).orElse(null);
      if (rec == null || !rec.isOpen()) {
        return null;
      }
      if (limits.isExceeded(rec.lastEventId())) {
        terminateOverLimit(rec);
        return null;
      }
      if (limits.isWarning(rec.lastEventId())) {
        log.warn("workflow {} (type {}) has {} history events; it will be terminated at {}: continue-as-new keeps a "
            + "long-running workflow under the limit", key, rec.workflowType(), rec.lastEventId(), limits.maxEvents());
      }
      List<HistoryEvent> history = service.history(key);
      Instant now = clock.instant();
      Decision decision;
      try {
        decision = engine.decide(namespace, key.workflowId(), key.runId(), history, now, limits.warnEvents());
      } catch (RuntimeException e) {
        recordDecisionFailure(rec, e);
        throw new DecisionFailedException(key, e);
      }
      ExecutionState.Builder state = rec.state().toBuilder();
      state.decisionPending = false;
      state.lastDecisionFailure = null;
      state.decisionFailures = 0;
      if (!decision.needed()) {
        if (rec.state().decisionPending()) {
          store.commit(new Commit(rec.version(), rec.next(rec.status(), rec.closeTime(), rec.lastEventId(), state.build()),
              List.of(), List.of(), null));
        }
        return null;
      }
      new DecisionCommitter(service, rec, (WorkflowExecutionStarted) history.get(0).attributes(), state, now)
          .commit(decision.commands());
      return null;
    });
  }

  /** Ends a run whose history reached the limit, with a reason a user can act on (invariant 8). */
  private void terminateOverLimit(ExecutionRecord rec) {
    Instant now = clock.instant();
    String reason = "history has " + rec.lastEventId() + " events, at the limit of " + limits.maxEvents()
        + "; a long-running workflow should call Workflow.continueAsNew before it gets there";
    log.error("terminating workflow {} (type {}): {}", rec.key(), rec.workflowType(), reason);
    HistoryEvent e = new HistoryEvent(rec.lastEventId() + 1, now, new WorkflowExecutionTerminated(reason, null, "cairn-history-limit"));
    List<OutboxTask> closing = service.children().onClose(rec, service.startedEvent(rec.key()), false, now);
    store.commit(new Commit(rec.version(), rec.next(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, now,
        e.eventId(), rec.state().closed()), List.of(e), closing, null));
    service.send(rec.key(), closing);
  }

  private void recordDecisionFailure(ExecutionRecord rec, RuntimeException e) {
    log.error("decision for {} (type {}) failed; the run stays open and the decision is retried: {}", rec.key(),
        rec.workflowType(), e.toString(), e);
    try {
      ExecutionState.Builder state = rec.state().toBuilder();
      state.lastDecisionFailure = e.getMessage() == null ? e.toString() : e.getMessage();
      state.decisionFailures++;
      store.commit(new Commit(rec.version(), rec.next(rec.status(), rec.closeTime(), rec.lastEventId(), state.build()),
          List.of(), List.of(), null));
    } catch (ConcurrentUpdateException ignored) {
      // a newer event arrived; its decision retries
    }
  }
}
