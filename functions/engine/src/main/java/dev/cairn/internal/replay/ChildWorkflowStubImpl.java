package dev.cairn.internal.replay;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.internal.sync.CompletablePromiseImpl;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.ChildWorkflowStub;
import dev.cairn.workflow.Promise;
import java.lang.reflect.Type;

/** An untyped child workflow stub: starts one child, once. */
final class ChildWorkflowStubImpl implements ChildWorkflowStub {
  private final ReplayContext ctx;
  private final String workflowType;
  private final ChildWorkflowOptions options;
  private final CompletablePromiseImpl<WorkflowExecution> execution;
  private ChildWorkflowCall call;

  ChildWorkflowStubImpl(ReplayContext ctx, String workflowType, ChildWorkflowOptions options) {
    this.ctx = ctx;
    this.workflowType = workflowType;
    this.options = options == null ? ChildWorkflowOptions.getDefaultInstance() : options;
    this.execution = new CompletablePromiseImpl<>(ctx.runner());
  }

  @Override
  public String getWorkflowType() {
    return workflowType;
  }

  @Override
  public Promise<WorkflowExecution> getExecution() {
    return execution;
  }

  @Override
  public ChildWorkflowOptions getOptions() {
    return options;
  }

  @Override
  public <R> R execute(Class<R> resultClass, Object... args) {
    return executeAsync(resultClass, resultClass, args).get();
  }

  @Override
  public <R> R execute(Class<R> resultClass, Type resultType, Object... args) {
    return executeAsync(resultClass, resultType, args).get();
  }

  @Override
  public <R> Promise<R> executeAsync(Class<R> resultClass, Object... args) {
    return executeAsync(resultClass, resultClass, args);
  }

  @Override
  public <R> Promise<R> executeAsync(Class<R> resultClass, Type resultType, Object... args) {
    if (call != null) {
      throw new IllegalStateException("this stub already started child workflow " + call.command.workflowId()
          + ": create a stub per child");
    }
    call = ctx.children().start(workflowType, options, args == null ? new Object[0] : args);
    call.execution.handle((e, f) -> {
      if (f == null) {
        execution.complete(e);
      } else {
        execution.completeExceptionally(f);
      }
      return null;
    });
    return call.result.thenApply(p -> ctx.dataConverter().fromPayloads(0, p, resultClass, resultType));
  }

  /** Waits for the child to start, then signals that run, as Temporal does. */
  @Override
  public void signal(String signalName, Object... args) {
    java.util.Objects.requireNonNull(signalName, "signalName");
    if (call == null) {
      throw new IllegalStateException("the child workflow is not started: call its workflow method first");
    }
    WorkflowExecution started = execution.get();
    ctx.returnOrCapture(ctx.externals().sendSignal(started, signalName, args == null ? new Object[0] : args, true), void.class);
  }

  @Override
  public String toString() {
    return "ChildWorkflowStub[" + workflowType + "]";
  }
}
