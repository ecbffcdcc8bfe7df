package dev.cairn.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client's wait between two polls of the API for something to finish (a run, an update): 50 ms,
 * doubling up to 1 s, never past the caller's deadline.
 */
final class PollBackoff {
  private static final Duration FIRST = Duration.ofMillis(50);
  private static final Duration MAX = Duration.ofSeconds(1);

  private final String what;
  private final String timeoutText;
  private final long deadline;
  private Duration pause = FIRST;

  /** Waits for {@code what} ("workflow w-1", "update u-1") at most {@code timeoutText}, that is {@code timeoutNanos}. */
  PollBackoff(String what, long timeoutNanos, String timeoutText) {
    this.what = what;
    this.timeoutText = timeoutText;
    this.deadline = System.nanoTime() + timeoutNanos;
  }

  /** Sleeps until the next poll is due. */
  void pause() throws TimeoutException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new TimeoutException(what + " did not complete within " + timeoutText);
    }
    try {
      Thread.sleep(Math.min(pause.toMillis(), TimeUnit.NANOSECONDS.toMillis(left) + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + what, e);
    }
    pause = pause.multipliedBy(2).compareTo(MAX) > 0 ? MAX : pause.multipliedBy(2);
  }

  /** Starts again from the shortest pause (something changed: poll it soon). */
  void reset() {
    pause = FIRST;
  }
}
