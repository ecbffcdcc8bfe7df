package dev.cairn.internal.replay;

import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.internal.history.EventAttributes.SignalExternalWorkflowExecutionFailed;
import dev.cairn.internal.history.EventAttributes.SignalExternalWorkflowExecutionInitiated;
import dev.cairn.internal.sync.CompletablePromiseImpl;

/**
 * One signal to another workflow: the state machine between SignalExternalWorkflowExecutionInitiated
 * and ExternalWorkflowExecutionSignaled or SignalExternalWorkflowExecutionFailed. Cancelling its scope
 * drops the signal if it has not left the decision; once recorded it is on its way and, as in
 * Temporal, cancellation no longer affects it.
 */
final class ExternalSignalCall {
  enum State { CREATED, INITIATED, SIGNALED, FAILED, CANCELED }

  enum Trigger { INITIATED_RECORDED, CANCEL_BEFORE_SENT, SIGNALED, FAILED }

  static final TransitionTable<State, Trigger> TABLE = new TransitionTable<>("SignalExternal", State.class, Trigger.class)
      .add(State.CREATED, Trigger.INITIATED_RECORDED, State.INITIATED)
      .add(State.CREATED, Trigger.CANCEL_BEFORE_SENT, State.CANCELED)
      .add(State.INITIATED, Trigger.SIGNALED, State.SIGNALED)
      .add(State.INITIATED, Trigger.FAILED, State.FAILED);

  /** Temporal's failure type prefix: the cause's full enum name becomes the ApplicationFailure's type. */
  static final String FAILURE_TYPE_PREFIX = "SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_";

  private final ReplayContext ctx;
  final SignalExternalWorkflowExecutionInitiated command;
  final CompletablePromiseImpl<Void> result;
  private PendingCommand pending;
  private State state = State.CREATED;

  ExternalSignalCall(ReplayContext ctx, SignalExternalWorkflowExecutionInitiated command) {
    this.ctx = ctx;
    this.command = command;
    this.result = new CompletablePromiseImpl<>(ctx.runner());
  }

  void issue() {
    pending = ctx.addCommand(command, id -> {
      move(Trigger.INITIATED_RECORDED);
      ctx.externals().registerSignal(id, this);
    });
  }

  State state() {
    return state;
  }

  private void move(Trigger t) {
    state = TABLE.next(state, t);
  }

  /** ExternalWorkflowExecutionSignaled: the signal is in the target's history. */
  void signaled() {
    move(Trigger.SIGNALED);
    result.complete(null);
  }

  void failed(SignalExternalWorkflowExecutionFailed e) {
    move(Trigger.FAILED);
    result.completeExceptionally(ApplicationFailure.newFailure("SignalExternalWorkflowExecution failed with "
        + e.cause() + ". WorkflowId=" + command.workflowId() + ", runId=" + (command.runId() == null ? "" : command.runId()),
        FAILURE_TYPE_PREFIX + e.cause()));
  }

  /** The cancel hook of the scope the signal was sent in. */
  void cancel() {
    if (state != State.CREATED) {
      return; // recorded: the signal is on its way
    }
    pending.dropped = true;
    move(Trigger.CANCEL_BEFORE_SENT);
    result.completeExceptionally(new CanceledFailure("Signal external workflow execution canceled"));
  }
}
