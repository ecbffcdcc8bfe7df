package dev.cairn.tests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline: the only way these tests wait. */
public final class Poll {
  private Poll() {}

  /** Returns the first present value {@code probe} gives; fails naming {@code what} at the deadline. */
  public static <T> T until(Duration timeout, String what, Supplier<Optional<T>> probe) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      pause(Duration.ofMillis(50));
    }
  }

  /** The interval between two probes of a condition, never a wait for an outcome. */
  static void pause(Duration interval) {
    try {
      Thread.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while polling", e);
    }
  }
}
