package dev.cairn.internal.replay;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.failure.ChildWorkflowFailure;
import dev.cairn.failure.TerminatedFailure;
import dev.cairn.failure.TimeoutFailure;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.sync.CompletablePromiseImpl;
import dev.cairn.workflow.ChildWorkflowCancellationType;
import java.util.Optional;

/**
 * One child workflow: the state machine between StartChildWorkflowExecutionInitiated and the child's
 * outcome. Cancelling it asks the child to cancel (RequestCancelExternalWorkflowExecutionInitiated)
 * unless the cancellation type abandons it; when the caller's promise fails depends on that type.
 */
final class ChildWorkflowCall {
  enum State { CREATED, INITIATED, STARTED, START_FAILED, CANCEL_REQUESTED, CANCEL_RECORDED, ABANDONED, CLOSED, CANCELED }

  enum Trigger { INITIATED_RECORDED, CANCEL_BEFORE_SENT, STARTED, START_FAILED, REQUEST_CANCEL, CANCEL_RECORDED,
    CANCEL_DELIVERED, ABANDON, CLOSED }

  static final TransitionTable<State, Trigger> TABLE = new TransitionTable<>("ChildWorkflow", State.class, Trigger.class)
      .add(State.CREATED, Trigger.INITIATED_RECORDED, State.INITIATED)
      .add(State.CREATED, Trigger.CANCEL_BEFORE_SENT, State.CANCELED)
      .add(State.INITIATED, Trigger.STARTED, State.STARTED)
      .add(State.INITIATED, Trigger.START_FAILED, State.START_FAILED)
      .add(State.STARTED, Trigger.CLOSED, State.CLOSED)
      .add(State.STARTED, Trigger.REQUEST_CANCEL, State.CANCEL_REQUESTED)
      .add(State.STARTED, Trigger.ABANDON, State.ABANDONED)
      .add(State.CANCEL_REQUESTED, Trigger.CANCEL_RECORDED, State.CANCEL_RECORDED)
      // The request reached the child (WAIT_CANCELLATION_REQUESTED resolves here); its outcome follows.
      .add(State.CANCEL_RECORDED, Trigger.CANCEL_DELIVERED, State.CANCEL_RECORDED)
      .add(State.CANCEL_RECORDED, Trigger.CLOSED, State.CLOSED)
      // An abandoned child runs on; its outcome still enters history but no longer reaches the code.
      .add(State.ABANDONED, Trigger.CLOSED, State.ABANDONED);

  private final ReplayContext ctx;
  final StartChildWorkflowExecutionInitiated command;
  final ChildWorkflowCancellationType cancellationType;
  final CompletablePromiseImpl<WorkflowExecution> execution;
  final CompletablePromiseImpl<Optional<Payloads>> result;
  private PendingCommand pending;
  private State state = State.CREATED;
  private boolean cancelWhenStarted;
  private long initiatedEventId = -1;
  private long startedEventId = -1;
  private String runId = "";

  ChildWorkflowCall(ReplayContext ctx, StartChildWorkflowExecutionInitiated command, ChildWorkflowCancellationType type) {
    this.ctx = ctx;
    this.command = command;
    this.cancellationType = type == null ? ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED : type;
    this.execution = new CompletablePromiseImpl<>(ctx.runner());
    this.result = new CompletablePromiseImpl<>(ctx.runner());
  }

  void issue() {
    pending = ctx.addCommand(command, id -> {
      initiatedEventId = id;
      move(Trigger.INITIATED_RECORDED);
      ctx.children().register(id, this);
    });
  }

  State state() {
    return state;
  }

  private void move(Trigger t) {
    state = TABLE.next(state, t);
  }

  void started(ChildWorkflowExecutionStarted e, long eventId) {
    startedEventId = eventId;
    runId = e.runId();
    if (state == State.ABANDONED) {
      return;
    }
    move(Trigger.STARTED);
    execution.complete(WorkflowExecution.newBuilder().setWorkflowId(e.workflowId()).setRunId(e.runId()).build());
    if (cancelWhenStarted) {
      cancel();
    }
  }

  void startFailed(StartChildWorkflowExecutionFailed e) {
    move(Trigger.START_FAILED);
    WorkflowExecution exec = WorkflowExecution.newBuilder().setWorkflowId(e.workflowId()).setRunId("").build();
    ChildWorkflowFailure f = failure(new WorkflowExecutionAlreadyStarted(exec, e.workflowType(), null),
        RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE);
    execution.completeExceptionally(f);
    result.completeExceptionally(f);
  }

  /** The child's outcome event, of any of the five kinds. */
  void closed(EventAttributes outcome, DataConverter dc) {
    move(Trigger.CLOSED);
    if (state == State.ABANDONED || result.isCompleted()) {
      return;
    }
    switch (outcome) {
      case ChildWorkflowExecutionCompleted c -> result.complete(Optional.ofNullable(c.result()));
      case ChildWorkflowExecutionFailed f -> result.completeExceptionally(failure(dc.failureToException(f.failure()), f.retryState()));
      case ChildWorkflowExecutionCanceled c -> result.completeExceptionally(failure(
          new CanceledFailure("Child canceled", c.details()), RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE));
      case ChildWorkflowExecutionTimedOut t -> result.completeExceptionally(failure(
          new TimeoutFailure("Child timed out", null, TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE), t.retryState()));
      case ChildWorkflowExecutionTerminated t -> result.completeExceptionally(failure(
          new TerminatedFailure("Child terminated", null), RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE));
      default -> throw new IllegalArgumentException("not a child outcome: " + outcome);
    }
  }

  /** ExternalWorkflowExecutionCancelRequested: the child has the request. */
  void cancelDelivered() {
    move(Trigger.CANCEL_DELIVERED);
    if (cancellationType == ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED && !result.isCompleted()) {
      result.completeExceptionally(failure(new CanceledFailure("Child cancellation requested"),
          RetryState.RETRY_STATE_CANCEL_REQUESTED));
    }
  }

  /** The cancel hook of the scope the child was started in. */
  void cancel() {
    if (result.isCompleted() && state != State.INITIATED && state != State.STARTED) {
      return;
    }
    switch (state) {
      case CREATED -> {
        pending.dropped = true;
        move(Trigger.CANCEL_BEFORE_SENT);
        CanceledFailure c = new CanceledFailure("Child workflow canceled before it was started");
        execution.completeExceptionally(c);
        result.completeExceptionally(failure(c, RetryState.RETRY_STATE_CANCEL_REQUESTED));
      }
      case INITIATED -> {
        // The child may be starting right now; it is cancelled once its start is recorded.
        cancelWhenStarted = true;
        failEarly();
      }
      case STARTED -> {
        if (cancellationType == ChildWorkflowCancellationType.ABANDON) {
          move(Trigger.ABANDON);
        } else {
          move(Trigger.REQUEST_CANCEL);
          ctx.addCommand(new RequestCancelExternalWorkflowExecutionInitiated(command.workflowId(), runId, true), id -> {
            move(Trigger.CANCEL_RECORDED);
            ctx.children().registerCancel(id, this);
          });
        }
        failEarly();
      }
      default -> { }
    }
  }

  /** ABANDON and TRY_CANCEL return at once; the waiting types wait for the request or the outcome. */
  private void failEarly() {
    if ((cancellationType == ChildWorkflowCancellationType.ABANDON || cancellationType == ChildWorkflowCancellationType.TRY_CANCEL)
        && !result.isCompleted()) {
      result.completeExceptionally(failure(new CanceledFailure("Child workflow canceled"), RetryState.RETRY_STATE_CANCEL_REQUESTED));
    }
  }

  private ChildWorkflowFailure failure(Throwable cause, RetryState retryState) {
    WorkflowExecution exec = WorkflowExecution.newBuilder().setWorkflowId(command.workflowId()).setRunId(runId).build();
    return new ChildWorkflowFailure(initiatedEventId, startedEventId, command.workflowType(), exec, ctx.namespace(),
        retryState, cause);
  }
}
