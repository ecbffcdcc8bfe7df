package dev.cairn.internal.replay;

import dev.cairn.internal.store.Task;
import dev.cairn.internal.worker.ActivityOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one local activity attempt on a thread of its own and waits for it at most {@code timeout}:
 * an attempt still running then is interrupted and abandoned (its late outcome is never read), so a
 * hung attempt cannot hold the decision past the activity's timeouts.
 */
final class TimedLocalAttempt {
  private TimedLocalAttempt() {}

  /** How an attempt ended; {@code outcome} is null when it ran past its timeout. */
  record Result(ActivityOutcome outcome, Duration elapsed) {
    boolean timedOut() {
      return outcome == null;
    }
  }

  static Result run(LocalActivityExecutor executor, Task.ActivityTask attempt, Duration timeout, Clock clock) {
    Instant start = clock.instant();
    if (timeout == null) {
      ActivityOutcome outcome = executor.execute(attempt);
      return new Result(outcome, Duration.between(start, clock.instant()));
    }
    FutureTask<ActivityOutcome> task = new FutureTask<>(() -> executor.execute(attempt));
    Thread thread = Thread.ofVirtual().name("local-activity-" + attempt.activityType() + "-" + attempt.attempt()).start(task);
    try {
      ActivityOutcome outcome = task.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
      return new Result(outcome, Duration.between(start, clock.instant()));
    } catch (TimeoutException e) {
      thread.interrupt();
      return new Result(null, timeout);
    } catch (ExecutionException e) {
      // execute() turns the activity's own exceptions into outcomes: this is a bug in the executor.
      throw new IllegalStateException("local activity executor failed", e.getCause());
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a local activity", e);
    }
  }
}
