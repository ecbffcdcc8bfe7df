package dev.cairn.internal.replay;

import dev.cairn.failure.CanceledFailure;
import dev.cairn.internal.history.EventAttributes.TimerCanceled;
import dev.cairn.internal.history.EventAttributes.TimerStarted;
import dev.cairn.internal.sync.CompletablePromiseImpl;

/** One durable timer: the state machine between StartTimer and TimerFired or TimerCanceled. */
final class TimerCall {
  enum State { CREATED, STARTED, CANCEL_ISSUED, FIRED, CANCELED }

  enum Trigger { START_RECORDED, CANCEL_BEFORE_SENT, FIRED, CANCEL, CANCEL_RECORDED }

  static final TransitionTable<State, Trigger> TABLE = new TransitionTable<>("Timer", State.class, Trigger.class)
      .add(State.CREATED, Trigger.START_RECORDED, State.STARTED)
      .add(State.CREATED, Trigger.CANCEL_BEFORE_SENT, State.CANCELED)
      .add(State.STARTED, Trigger.FIRED, State.FIRED)
      .add(State.STARTED, Trigger.CANCEL, State.CANCEL_ISSUED)
      .add(State.CANCEL_ISSUED, Trigger.CANCEL_RECORDED, State.CANCELED);

  private final ReplayContext ctx;
  final TimerStarted command;
  final CompletablePromiseImpl<Void> fired;
  private PendingCommand pending;
  private State state = State.CREATED;
  private long startedEventId;

  TimerCall(ReplayContext ctx, TimerStarted command) {
    this.ctx = ctx;
    this.command = command;
    this.fired = new CompletablePromiseImpl<>(ctx.runner());
  }

  void issue() {
    pending = ctx.addCommand(command, id -> {
      startedEventId = id;
      state = TABLE.next(state, Trigger.START_RECORDED);
    });
  }

  State state() {
    return state;
  }

  void fire() {
    state = TABLE.next(state, Trigger.FIRED);
    fired.complete(null);
  }

  void cancel() {
    if (fired.isCompleted()) {
      return;
    }
    if (state == State.CREATED) {
      pending.dropped = true;
      state = TABLE.next(state, Trigger.CANCEL_BEFORE_SENT);
    } else if (state == State.STARTED) {
      state = TABLE.next(state, Trigger.CANCEL);
      ctx.addCommand(new TimerCanceled(command.timerId(), startedEventId),
          id -> state = TABLE.next(state, Trigger.CANCEL_RECORDED));
    } else {
      return;
    }
    fired.completeExceptionally(new CanceledFailure("timer canceled"));
  }
}
