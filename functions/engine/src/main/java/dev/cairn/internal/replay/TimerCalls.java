package dev.cairn.internal.replay;

import dev.cairn.internal.history.EventAttributes.TimerStarted;
import dev.cairn.internal.sync.CancellationScopeImpl;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The run's timers: starting them, and finding each by its timer id when it fires. */
final class TimerCalls {
  private final ReplayContext ctx;
  private final Map<String, TimerCall> timers = new HashMap<>();
  private int timerSeq;

  TimerCalls(ReplayContext ctx) {
    this.ctx = ctx;
  }

  TimerCall start(Duration duration, CancellationScopeImpl scope) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative timer duration " + duration);
    }
    TimerCall call = new TimerCall(ctx, new TimerStarted(String.valueOf(++timerSeq), duration));
    if (duration.isZero()) {
      call.fired.complete(null);
      return call;
    }
    timers.put(call.command.timerId(), call);
    call.issue();
    ReplayContext.cancelWithScope(scope, call.fired, call::cancel);
    return call;
  }

  TimerCall timer(String timerId) {
    TimerCall call = timers.get(timerId);
    if (call == null) {
      throw new IllegalStateException("history refers to timer " + timerId + ", which this run's code never started");
    }
    return call;
  }
}
