package dev.cairn.lambda;

import dev.cairn.client.ActivityNotExistsException;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.store.Task;
import dev.cairn.internal.worker.HeartbeatSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An attempt's heartbeats, written to the store at most once per interval (Temporal's throttle: 80%
 * of the heartbeat timeout, at most 60 s; 30 s without one), keeping the latest details in between.
 * Each write also extends the message's visibility, so a heartbeating attempt is never delivered
 * again while alive. Cost: an activity that heartbeats in a loop pays one store write per interval.
 */
final class ThrottledHeartbeats implements HeartbeatSink {
  static final Duration MAX_INTERVAL = Duration.ofSeconds(60);
  static final Duration INTERVAL_WITHOUT_TIMEOUT = Duration.ofSeconds(30);

  private final WorkflowService service;
  private final Task.ActivityTask task;
  private final Clock clock;
  private final Duration interval;
  private final Consumer<Instant> onWrite;
  private Payloads latest;
  private boolean unwritten;
  private Instant lastWrite;
  private boolean cancelRequested;

  /**
   * @param saved the details the previous attempt saved, read with the run
   * @param onWrite called after each store write, with its time (extends the message's visibility)
   */
  ThrottledHeartbeats(WorkflowService service, Task.ActivityTask task, Payloads saved, Clock clock, Consumer<Instant> onWrite) {
    this.service = service;
    this.task = task;
    this.clock = clock;
    this.latest = saved;
    this.onWrite = onWrite;
    this.interval = interval(task.heartbeatTimeout());
  }

  static Duration interval(Duration heartbeatTimeout) {
    if (heartbeatTimeout == null || heartbeatTimeout.isZero()) {
      return INTERVAL_WITHOUT_TIMEOUT;
    }
    Duration d = heartbeatTimeout.multipliedBy(4).dividedBy(5);
    return d.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : d;
  }

  @Override
  public synchronized boolean heartbeat(Payloads details) {
    if (details != null) {
      latest = details;
    }
    unwritten = true;
    Instant now = clock.instant();
    if (lastWrite == null || !now.isBefore(lastWrite.plus(interval))) {
      write(now);
    }
    return cancelRequested;
  }

  @Override
  public synchronized Optional<Payloads> lastDetails() {
    return Optional.ofNullable(latest);
  }

  /** Writes details held back by the throttle, so the next attempt sees them; a stale attempt is ignored. */
  synchronized void flush() {
    if (unwritten) {
      try {
        write(clock.instant());
      } catch (ActivityNotExistsException e) {
        // the attempt is over; its outcome will be ignored as well
      }
    }
  }

  private void write(Instant now) {
    try {
      cancelRequested = service.heartbeat(task.key(), task.scheduledEventId(), task.attempt(), latest);
    } catch (WorkflowService.StaleActivityException e) {
      throw new ActivityNotExistsException(e);
    }
    unwritten = false;
    lastWrite = now;
    onWrite.accept(now);
  }
}
