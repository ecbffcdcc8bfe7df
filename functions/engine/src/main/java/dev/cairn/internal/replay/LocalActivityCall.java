package dev.cairn.internal.replay;

import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.failure.TimeoutFailure;
import dev.cairn.internal.history.EventAttributes.MarkerRecorded;
import dev.cairn.internal.history.RetryPolicy;
import dev.cairn.internal.service.RetrySchedule;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.Task;
import dev.cairn.internal.sync.CancellationScopeImpl;
import dev.cairn.internal.sync.CompletablePromiseImpl;
import dev.cairn.internal.worker.ActivityOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One local activity invocation. It runs inside the decision that calls it, between two rounds of
 * workflow code, and its outcome is recorded as a "LocalActivity" marker; replay resolves it from
 * that marker and never runs it. Retries with a backoff up to the options' localRetryThreshold
 * happen inside the decision; a longer backoff is recorded on the marker and waited out with a
 * workflow timer, after which the next attempts run in a later decision under a new marker.
 */
final class LocalActivityCall {
  final String activityId;
  final String activityType;
  private final Payloads input;
  private final LocalActivityOptions options;
  private final RetryPolicy policy;
  final CancellationScopeImpl scope;
  final CompletablePromiseImpl<Optional<Payloads>> result;
  private final long scheduledMillis;
  private int nextAttempt = 1;
  int markersRecorded;

  LocalActivityCall(ReplayContext ctx, String activityId, String activityType, Payloads input,
      LocalActivityOptions options, CancellationScopeImpl scope, long scheduledMillis) {
    this.activityId = activityId;
    this.activityType = activityType;
    this.input = input;
    this.options = options;
    this.policy = RetryPolicies.of(options.getRetryOptions());
    this.scope = scope;
    this.scheduledMillis = scheduledMillis;
    this.result = new CompletablePromiseImpl<>(ctx.runner());
  }

  /**
   * Runs attempts until one completes, retries run out, or the next backoff is too long to wait
   * inside the decision; returns the marker that records how they ended. Time inside the decision
   * is the decision's time plus the backoffs waited, so the deadline check is deterministic.
   */
  MarkerRecorded run(LocalActivityExecutor executor, RunInfo info, long decisionMillis, DataConverter dc) {
    int attempt = nextAttempt;
    long now = decisionMillis;
    while (true) {
      AttemptLimit limit = AttemptLimit.of(options, scheduledMillis, now);
      if (limit.expired()) {
        return LocalActivityMarkers.failed(activityId, activityType, attempt, timeoutFailure(TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE, dc),
            RetryState.RETRY_STATE_TIMEOUT, null);
      }
      Task.ActivityTask task = new Task.ActivityTask(new ExecutionKey(info.workflowId(), info.runId()),
          info.workflowType(), 0, activityId, activityType, info.taskQueue(), attempt, input,
          Instant.ofEpochMilli(scheduledMillis), options.getScheduleToCloseTimeout(), null,
          options.getStartToCloseTimeout(), null, policy);
      TimedLocalAttempt.Result ran = TimedLocalAttempt.run(executor, task, limit.timeout(), executor.clock());
      now += ran.elapsed().toMillis();
      if (ran.timedOut() && limit.scheduleToCloseFirst()) {
        // The whole activity's deadline passed during the attempt: no retry can help.
        return LocalActivityMarkers.failed(activityId, activityType, attempt, timeoutFailure(TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE, dc),
            RetryState.RETRY_STATE_TIMEOUT, null);
      }
      ActivityOutcome outcome = ran.timedOut()
          ? new ActivityOutcome.Failed(timeoutFailure(TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE, dc))
          : ran.outcome();
      Failure failure = switch (outcome) {
        case ActivityOutcome.Completed c -> null;
        case ActivityOutcome.Failed f -> f.failure();
        case ActivityOutcome.Canceled c -> dc.exceptionToFailure(new CanceledFailure("Local activity canceled"));
        case ActivityOutcome.CompletedLater c -> dc.exceptionToFailure(ApplicationFailure.newNonRetryableFailure(
            "a local activity cannot complete asynchronously (doNotCompleteOnReturn)", "IllegalState"));
      };
      if (failure == null) {
        return LocalActivityMarkers.completed(activityId, activityType, attempt, ((ActivityOutcome.Completed) outcome).result());
      }
      boolean canceled = outcome instanceof ActivityOutcome.Canceled;
      RetrySchedule.Outcome next = canceled ? new RetrySchedule.Outcome(null, RetryState.RETRY_STATE_CANCEL_REQUESTED)
          : RetrySchedule.next(policy, attempt, failure, Instant.ofEpochMilli(scheduledMillis),
              options.getScheduleToCloseTimeout(), Instant.ofEpochMilli(now));
      if (!next.retry()) {
        return LocalActivityMarkers.failed(activityId, activityType, attempt, failure, next.stop(), null);
      }
      if (next.delay().compareTo(localRetryThreshold()) > 0) {
        return LocalActivityMarkers.failed(activityId, activityType, attempt, failure, RetryState.RETRY_STATE_IN_PROGRESS,
            next.delay());
      }
      executor.backoff(next.delay());
      now += next.delay().toMillis();
      attempt++;
    }
  }

  private static Failure timeoutFailure(TimeoutType type, DataConverter dc) {
    return dc.exceptionToFailure(new TimeoutFailure("local activity ran past its timeout", null, type));
  }

  /**
   * The longest one attempt may run: its start-to-close timeout, or what is left of the
   * schedule-to-close timeout if that is less. Null when neither is set.
   */
  record AttemptLimit(Duration timeout, boolean scheduleToCloseFirst) {
    static AttemptLimit of(LocalActivityOptions options, long scheduledMillis, long nowMillis) {
      Duration startToClose = options.getStartToCloseTimeout();
      Duration scheduleToClose = options.getScheduleToCloseTimeout();
      Duration left = scheduleToClose == null ? null
          : Duration.ofMillis(scheduledMillis + scheduleToClose.toMillis() - nowMillis);
      if (left != null && (startToClose == null || left.compareTo(startToClose) <= 0)) {
        return new AttemptLimit(left, true);
      }
      return new AttemptLimit(startToClose, false);
    }

    boolean expired() {
      return scheduleToCloseFirst && !timeout.isPositive();
    }
  }

  private Duration localRetryThreshold() {
    return options.getLocalRetryThreshold() == null ? Duration.ofMinutes(1) : options.getLocalRetryThreshold();
  }

  /**
   * Applies a marker (just recorded or read from history) on a workflow thread: completes the call,
   * fails it, or starts the timer after which it runs again.
   */
  void resolve(ReplayContext ctx, MarkerRecorded marker, DataConverter dc) {
    LocalActivityMarkers.Outcome o = LocalActivityMarkers.read(marker);
    if (o.failure() == null) {
      result.complete(Optional.ofNullable(o.result()));
      return;
    }
    if (o.backoff() != null) {
      nextAttempt = o.attempt() + 1;
      ctx.timers().start(o.backoff(), scope).fired.handle((v, f) -> {
        if (f == null) {
          ctx.localActivities().enqueue(this);
        } else {
          fail(f instanceof CanceledFailure c ? c : new CanceledFailure("Local activity canceled"), RetryState.RETRY_STATE_CANCEL_REQUESTED);
        }
        return null;
      });
      return;
    }
    fail(dc.failureToException(o.failure()), o.retryState());
  }

  /** The cancel hook of the call's scope: a call not yet run fails at once, as in Temporal. */
  void cancel(ReplayContext ctx) {
    if (!result.isCompleted() && ctx.localActivities().dequeue(this)) {
      fail(new CanceledFailure("Local activity canceled"), RetryState.RETRY_STATE_CANCEL_REQUESTED);
    }
  }

  private void fail(Throwable cause, RetryState retryState) {
    if (!result.isCompleted()) {
      result.completeExceptionally(new ActivityFailure("Local activity task failed", 0, 0, activityType, activityId,
          retryState, "", cause));
    }
  }
}
