package dev.cairn.internal.service;

import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.service.WorkflowService.AcceptedUpdate;
import dev.cairn.internal.service.WorkflowService.UpdateOutcome;
import dev.cairn.internal.service.WorkflowService.WorkflowClosedException;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import java.util.List;
import java.util.Optional;

/**
 * Queries and updates: a query replays the run and asks its handler, writing nothing; an update is
 * validated on the run's current state, then accepted in one commit guarded by the version the
 * validator saw, and its outcome is read back from history.
 */
final class WorkflowUpdates {
  private static final long READY_POLL_MILLIS = 20;

  private final WorkflowService service;
  private final String namespace;
  private final HistoryStore store;
  private final ReplayEngine engine;

  WorkflowUpdates(WorkflowService service, String namespace, HistoryStore store, ReplayEngine engine) {
    this.service = service;
    this.namespace = namespace;
    this.store = store;
    this.engine = engine;
  }

  /**
   * Answers a query by replaying the run's recorded decisions and calling the handler; writes
   * nothing. Closed runs answer too. See {@link ReplayEngine#query} for the failures.
   */
  Payloads query(String workflowId, String runId, String queryType, Payloads args) {
    ExecutionKey key = service.resolve(workflowId, runId);
    return engine.query(namespace, key.workflowId(), key.runId(), service.history(key), queryType, args);
  }

  /**
   * Accepts an update: runs its validator on the run's current state, then records
   * WorkflowExecutionUpdateAccepted and queues a decision, in a commit guarded by the version the
   * validator saw, so the state it approved is the state the handler meets (a conflict validates
   * again). A rejection writes nothing, as in Temporal. An update id accepted before on this run
   * returns that update (deduplication by the caller's id).
   *
   * @throws dev.cairn.internal.replay.HandlerFailedException when the validator rejects the update
   * @throws dev.cairn.internal.replay.UnknownHandlerException when the workflow has no such update
   * @throws WorkflowClosedException when the run is closed
   */
  AcceptedUpdate acceptUpdate(String workflowId, String runId, String updateId, String name, Payloads args) {
    ExecutionKey key = service.resolve(workflowId, runId);
    return service.retrying(() -> {
      // An update id already accepted on this run is the same update: its handle, no second event (Temporal).
      Optional<AcceptedUpdate> earlier = findUpdate(key.workflowId(), key.runId(), updateId);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      ExecutionRecord rec = service.openRecord(key);
      engine.validateUpdate(namespace, key.workflowId(), key.runId(), service.history(key), name, args);
      service.appendWithDecision(rec, List.of(new WorkflowExecutionUpdateAccepted(updateId, name, args, null)), x -> { });
      return new AcceptedUpdate(key, updateId, rec.lastEventId() + 1);
    });
  }

  /**
   * {@link #acceptUpdate} on a run that may have just started: handlers exist once its first decision
   * has run, so this waits (up to {@code readyWait}) for the decision in flight and retries while the
   * run is not ready. Update-with-start is this after {@link WorkflowService#start}: two commits, not one. A crash
   * between them leaves a started run without the update; the caller's retry (same update id,
   * conflict policy USE_EXISTING) finds that run and delivers the update once, and a retry after both
   * finds the accepted update by its id, so a retrying caller sees one start and one update.
   *
   * @throws dev.cairn.internal.replay.WorkflowNotReadyException when the first decision did not run within the wait
   */
  AcceptedUpdate acceptUpdateWhenReady(ExecutionKey key, String updateId, String name, Payloads args,
      java.time.Duration readyWait) {
    long deadline = System.nanoTime() + readyWait.toNanos();
    while (true) {
      PendingDecision.awaitNone(store, key, java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      try {
        return acceptUpdate(key.workflowId(), key.runId(), updateId, name, args);
      } catch (dev.cairn.internal.replay.WorkflowNotReadyException e) {
        if (System.nanoTime() - deadline >= 0) {
          throw e;
        }
        try {
          Thread.sleep(READY_POLL_MILLIS); // a failed first decision waits for its retry: do not spin meanwhile
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The update's outcome if it has one yet; reads history from the accepted event on. */
  Optional<UpdateOutcome> updateOutcome(AcceptedUpdate update) {
    ExecutionRecord rec = store.get(update.key()).orElseThrow(() ->
        new WorkflowNotFoundException(service.execution(update.key()), null, null));
    for (HistoryEvent e : service.historyFrom(update.key(), update.acceptedEventId())) {
      if (e.attributes() instanceof WorkflowExecutionUpdateCompleted c && c.updateId().equals(update.updateId())) {
        return Optional.of(new UpdateOutcome(c.result(), c.failure(), null));
      }
    }
    return rec.isOpen() ? Optional.empty() : Optional.of(new UpdateOutcome(null, null, rec.status()));
  }

  /** An update accepted earlier in the run, found by its id (for callers that poll). */
  Optional<AcceptedUpdate> findUpdate(String workflowId, String runId, String updateId) {
    ExecutionKey key = service.resolve(workflowId, runId);
    for (HistoryEvent e : service.history(key)) {
      if (e.attributes() instanceof WorkflowExecutionUpdateAccepted a && a.updateId().equals(updateId)) {
        return Optional.of(new AcceptedUpdate(key, updateId, e.eventId()));
      }
    }
    return Optional.empty();
  }
}
