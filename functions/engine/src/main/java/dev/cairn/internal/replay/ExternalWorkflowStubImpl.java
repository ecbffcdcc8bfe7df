package dev.cairn.internal.replay;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.workflow.ExternalWorkflowStub;
import java.util.Objects;

/** An untyped stub of another workflow: each call records a command and waits for its outcome. */
final class ExternalWorkflowStubImpl implements ExternalWorkflowStub, AsyncCapture.CapturingStub {
  private final ReplayContext ctx;
  private final WorkflowExecution execution;

  ExternalWorkflowStubImpl(ReplayContext ctx, WorkflowExecution execution) {
    this.ctx = ctx;
    this.execution = execution;
  }

  @Override
  public WorkflowExecution getExecution() {
    return execution;
  }

  @Override
  public void signal(String signalName, Object... args) {
    Objects.requireNonNull(signalName, "signalName");
    ctx.returnOrCapture(ctx.externals().sendSignal(execution, signalName, args == null ? new Object[0] : args, false), void.class);
  }

  @Override
  public void cancel() {
    cancel(null);
  }

  @Override
  public void cancel(String reason) {
    ctx.returnOrCapture(ctx.externals().requestCancel(execution, reason), void.class);
  }

  @Override
  public String toString() {
    return "ExternalWorkflowStub[" + execution.getWorkflowId()
        + (execution.getRunId().isEmpty() ? "" : "/" + execution.getRunId()) + "]";
  }
}
