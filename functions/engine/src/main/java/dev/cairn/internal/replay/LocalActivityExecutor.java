package dev.cairn.internal.replay;

import dev.cairn.internal.store.Task;
import dev.cairn.internal.worker.ActivityOutcome;
import java.time.Duration;

/**
 * Runs local activity attempts for a decision, in the process that decides: the worker's registered
 * activity implementations, reached without a queue. The replayer has none: on replay a local
 * activity returns what its marker recorded and never runs.
 */
public interface LocalActivityExecutor {
  /** Runs one attempt on the calling thread. */
  ActivityOutcome execute(Task.ActivityTask attempt);

  /** The engine's clock: how long attempts ran counts against the schedule-to-close timeout. */
  default java.time.Clock clock() {
    return java.time.Clock.systemUTC();
  }

  /** Waits out a short retry backoff inside the decision. */
  default void backoff(Duration delay) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during a local activity backoff", e);
    }
  }
}
