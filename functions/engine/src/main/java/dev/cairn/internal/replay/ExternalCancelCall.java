package dev.cairn.internal.replay;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.internal.history.EventAttributes.RequestCancelExternalWorkflowExecutionInitiated;
import dev.cairn.internal.sync.CompletablePromiseImpl;
import dev.cairn.workflow.CancelExternalWorkflowException;

/**
 * One request to cancel another workflow: the state machine between
 * RequestCancelExternalWorkflowExecutionInitiated and ExternalWorkflowExecutionCancelRequested or
 * RequestCancelExternalWorkflowExecutionFailed. As in Temporal, the caller's cancellation scope does
 * not call it back.
 */
final class ExternalCancelCall {
  enum State { CREATED, INITIATED, CANCEL_REQUESTED, FAILED }

  enum Trigger { INITIATED_RECORDED, DELIVERED, FAILED }

  static final TransitionTable<State, Trigger> TABLE = new TransitionTable<>("CancelExternal", State.class, Trigger.class)
      .add(State.CREATED, Trigger.INITIATED_RECORDED, State.INITIATED)
      .add(State.INITIATED, Trigger.DELIVERED, State.CANCEL_REQUESTED)
      .add(State.INITIATED, Trigger.FAILED, State.FAILED);

  private final ReplayContext ctx;
  final RequestCancelExternalWorkflowExecutionInitiated command;
  final CompletablePromiseImpl<Void> result;
  private State state = State.CREATED;

  ExternalCancelCall(ReplayContext ctx, RequestCancelExternalWorkflowExecutionInitiated command) {
    this.ctx = ctx;
    this.command = command;
    this.result = new CompletablePromiseImpl<>(ctx.runner());
  }

  void issue() {
    ctx.addCommand(command, id -> {
      state = TABLE.next(state, Trigger.INITIATED_RECORDED);
      ctx.externals().registerCancel(id, this);
    });
  }

  State state() {
    return state;
  }

  /** ExternalWorkflowExecutionCancelRequested: the request is in the target's history. */
  void delivered() {
    state = TABLE.next(state, Trigger.DELIVERED);
    result.complete(null);
  }

  void failed() {
    state = TABLE.next(state, Trigger.FAILED);
    WorkflowExecution execution = WorkflowExecution.newBuilder().setWorkflowId(command.workflowId())
        .setRunId(command.runId() == null ? "" : command.runId()).build();
    result.completeExceptionally(new CancelExternalWorkflowException("Workflow not found: " + execution, execution, null, null));
  }
}
