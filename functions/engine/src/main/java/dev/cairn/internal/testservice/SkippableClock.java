package dev.cairn.internal.testservice;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time plus whatever the test environment skipped; it only moves forward. While frozen it
 * stands still and moves only by skips, so a timer fires at exactly its due time.
 */
public final class SkippableClock extends Clock {
  private final long startMillis;
  private final long startNanos = System.nanoTime();
  private volatile long skippedMillis;
  private volatile long frozenAtMillis = -1;

  public SkippableClock(Instant start) {
    this.startMillis = start.toEpochMilli();
  }

  @Override
  public Instant instant() {
    long frozen = frozenAtMillis;
    return Instant.ofEpochMilli(frozen >= 0 ? frozen : running());
  }

  private long running() {
    return startMillis + skippedMillis + (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Moves to {@code target} if it is in the future. */
  public synchronized void skipTo(Instant target) {
    long gap = target.toEpochMilli() - instant().toEpochMilli();
    if (gap > 0) {
      if (frozenAtMillis >= 0) {
        frozenAtMillis += gap;
      } else {
        skippedMillis += gap;
      }
    }
  }

  /** Stops real time from counting; idempotent. */
  public synchronized void freeze() {
    if (frozenAtMillis < 0) {
      frozenAtMillis = running();
    }
  }

  /** Lets real time count again, from where the clock stood; idempotent. */
  public synchronized void unfreeze() {
    if (frozenAtMillis >= 0) {
      skippedMillis += frozenAtMillis - running();
      frozenAtMillis = -1;
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
