package dev.cairn.internal.store.sqlite;

import java.time.Instant;

/**
 * Instants as one INTEGER column: nanoseconds since the epoch, exact for 1677..2262, so a record
 * reads back equal to what was written and the column sorts by time.
 */
final class EpochNanos {
  private EpochNanos() {}

  static long of(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("time " + t + " is outside what the SQLite store keeps (1677 to 2262)", e);
    }
  }

  static Instant toInstant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
