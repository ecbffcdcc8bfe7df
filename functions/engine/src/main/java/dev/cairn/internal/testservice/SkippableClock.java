package dev.cairn.internal.testservice;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time plus whatever the test environment skipped; it only moves forward. */
public final class SkippableClock extends Clock {
  private final long startMillis;
  private final long startNanos = System.nanoTime();
  private volatile long skippedMillis;

  public SkippableClock(Instant start) {
    this.startMillis = start.toEpochMilli();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(startMillis + skippedMillis + (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** Moves to {@code target} if it is in the future. */
  public synchronized void skipTo(Instant target) {
    long gap = target.toEpochMilli() - instant().toEpochMilli();
    if (gap > 0) {
      skippedMillis += gap;
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
