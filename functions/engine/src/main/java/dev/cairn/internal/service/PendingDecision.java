package dev.cairn.internal.service;

import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import java.time.Duration;

/**
 * Waits for a run's queued decision to be committed, as Temporal holds a query behind the workflow
 * task in flight: a query or update validator then sees every signal sent before it. Polls the
 * store in real time; gives up quietly at the deadline (a decision that keeps failing), and the
 * caller answers from the last decision's state.
 */
public final class PendingDecision {
  private static final long POLL_MILLIS = 10;

  private PendingDecision() {}

  /** Returns whether the run has no decision pending (or is closed) within {@code timeout}. */
  public static boolean awaitNone(HistoryStore store, ExecutionKey key, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ExecutionRecord rec = store.get(key).orElse(null);
      if (rec == null || !rec.isOpen() || !rec.state().decisionPending()) {
        return true;
      }
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
