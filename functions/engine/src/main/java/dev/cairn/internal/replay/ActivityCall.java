package dev.cairn.internal.replay;

import dev.cairn.activity.ActivityCancellationType;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.internal.history.EventAttributes.ActivityTaskCancelRequested;
import dev.cairn.internal.history.EventAttributes.ActivityTaskCanceled;
import dev.cairn.internal.history.EventAttributes.ActivityTaskCompleted;
import dev.cairn.internal.history.EventAttributes.ActivityTaskFailed;
import dev.cairn.internal.history.EventAttributes.ActivityTaskScheduled;
import dev.cairn.internal.history.EventAttributes.ActivityTaskTimedOut;
import dev.cairn.internal.sync.CompletablePromiseImpl;
import java.util.Optional;

/** One activity invocation: the state machine between its command and its outcome events. */
final class ActivityCall {
  enum State { CREATED, SCHEDULED, CANCEL_REQUESTED, CANCEL_RECORDED, ABANDONED, COMPLETED, FAILED, TIMED_OUT, CANCELED }

  enum Trigger { SCHEDULE_RECORDED, CANCEL_BEFORE_SENT, REQUEST_CANCEL, ABANDON, CANCEL_RECORDED, COMPLETED, FAILED, TIMED_OUT, CANCELED }

  static final TransitionTable<State, Trigger> TABLE = new TransitionTable<>("Activity", State.class, Trigger.class)
      .add(State.CREATED, Trigger.SCHEDULE_RECORDED, State.SCHEDULED)
      .add(State.CREATED, Trigger.CANCEL_BEFORE_SENT, State.CANCELED)
      .add(State.SCHEDULED, Trigger.COMPLETED, State.COMPLETED)
      .add(State.SCHEDULED, Trigger.FAILED, State.FAILED)
      .add(State.SCHEDULED, Trigger.TIMED_OUT, State.TIMED_OUT)
      // No SCHEDULED -> CANCELED: the service records ActivityTaskCanceled only after ActivityTaskCancelRequested.
      .add(State.SCHEDULED, Trigger.REQUEST_CANCEL, State.CANCEL_REQUESTED)
      .add(State.SCHEDULED, Trigger.ABANDON, State.ABANDONED)
      .add(State.CANCEL_REQUESTED, Trigger.CANCEL_RECORDED, State.CANCEL_RECORDED)
      .add(State.CANCEL_RECORDED, Trigger.COMPLETED, State.COMPLETED)
      .add(State.CANCEL_RECORDED, Trigger.FAILED, State.FAILED)
      .add(State.CANCEL_RECORDED, Trigger.TIMED_OUT, State.TIMED_OUT)
      .add(State.CANCEL_RECORDED, Trigger.CANCELED, State.CANCELED)
      .add(State.ABANDONED, Trigger.COMPLETED, State.ABANDONED)
      .add(State.ABANDONED, Trigger.FAILED, State.ABANDONED)
      .add(State.ABANDONED, Trigger.TIMED_OUT, State.ABANDONED);

  private final ReplayContext ctx;
  final ActivityTaskScheduled command;
  final ActivityCancellationType cancellationType;
  final CompletablePromiseImpl<Optional<Payloads>> result;
  private PendingCommand pending;
  private State state = State.CREATED;
  long scheduledEventId = -1;

  ActivityCall(ReplayContext ctx, ActivityTaskScheduled command, ActivityCancellationType cancellationType) {
    this.ctx = ctx;
    this.command = command;
    this.cancellationType = cancellationType == null ? ActivityCancellationType.TRY_CANCEL : cancellationType;
    this.result = new CompletablePromiseImpl<>(ctx.runner());
  }

  void issue() {
    pending = ctx.addCommand(command, id -> {
      scheduledEventId = id;
      move(Trigger.SCHEDULE_RECORDED);
      ctx.activities().register(id, this);
    });
  }

  State state() {
    return state;
  }

  private void move(Trigger t) {
    state = TABLE.next(state, t);
  }

  /** The cancel hook of the scope the activity was started in. */
  void cancel() {
    if (result.isCompleted()) {
      return;
    }
    if (state == State.CREATED) {
      pending.dropped = true;
      move(Trigger.CANCEL_BEFORE_SENT);
      result.completeExceptionally(failure(new CanceledFailure("Activity canceled before it was scheduled"), RetryState.RETRY_STATE_CANCEL_REQUESTED, -1));
      return;
    }
    if (state != State.SCHEDULED) {
      return;
    }
    if (cancellationType == ActivityCancellationType.ABANDON) {
      move(Trigger.ABANDON);
      result.completeExceptionally(failure(new CanceledFailure("Activity abandoned"), RetryState.RETRY_STATE_CANCEL_REQUESTED, -1));
      return;
    }
    move(Trigger.REQUEST_CANCEL);
    ctx.addCommand(new ActivityTaskCancelRequested(scheduledEventId), id -> move(Trigger.CANCEL_RECORDED));
    if (cancellationType == ActivityCancellationType.TRY_CANCEL) {
      result.completeExceptionally(failure(new CanceledFailure("Activity canceled"), RetryState.RETRY_STATE_CANCEL_REQUESTED, -1));
    }
  }

  void completed(ActivityTaskCompleted e) {
    move(Trigger.COMPLETED);
    result.complete(Optional.ofNullable(e.result()));
  }

  void failed(ActivityTaskFailed e, DataConverter dc) {
    move(Trigger.FAILED);
    result.completeExceptionally(failure(dc.failureToException(e.failure()), e.retryState(), e.startedEventId()));
  }

  void timedOut(ActivityTaskTimedOut e, DataConverter dc) {
    move(Trigger.TIMED_OUT);
    result.completeExceptionally(failure(dc.failureToException(e.failure()), e.retryState(), e.startedEventId()));
  }

  void canceled(ActivityTaskCanceled e, DataConverter dc) {
    move(Trigger.CANCELED);
    // The details are payloads (from reportCancellation or the activity): decoded on get, like other failures' details.
    CanceledFailure canceled = new CanceledFailure("Activity canceled",
        new dev.cairn.common.converter.EncodedValues(java.util.Optional.ofNullable(e.details()), dc), null);
    result.completeExceptionally(failure(canceled, RetryState.RETRY_STATE_CANCEL_REQUESTED, e.startedEventId()));
  }

  private ActivityFailure failure(Throwable cause, RetryState retryState, long startedEventId) {
    String message = cause instanceof dev.cairn.failure.TimeoutFailure ? "Activity task timed out"
        : cause instanceof CanceledFailure ? "Activity canceled" : "Activity task failed";
    return new ActivityFailure(message, scheduledEventId, startedEventId, command.activityType(),
        command.activityId(), retryState, "", cause);
  }
}
