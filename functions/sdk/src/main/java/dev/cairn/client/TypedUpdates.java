package dev.cairn.client;

import dev.cairn.internal.spi.StubSupport;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.WorkflowMethod;
import java.lang.reflect.Method;

/**
 * The static {@code WorkflowClient.startUpdate}/{@code startUpdateWithStart} calls: the update (and
 * workflow) method references are read on their typed stub, then sent through its untyped stub.
 */
final class TypedUpdates {
  private TypedUpdates() {}

  static <R> WorkflowUpdateHandle<R> startUpdate(Object updateMethod, Runnable call, UpdateOptions<R> options) {
    StubSupport.TypedStub stub = StubSupport.typedStubOf(updateMethod, "WorkflowClient.startUpdate");
    StubSupport.Invocation update = stub.captureVia(call);
    UpdateOptions<R> complete = withMethod(options, update.method());
    return stub.untyped().startUpdate(complete, update.args());
  }

  static <R> WorkflowUpdateHandle<R> startUpdateWithStart(Object updateMethod, Runnable call, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    if (startOperation == null) {
      throw new IllegalArgumentException("startUpdateWithStart needs a WithStartWorkflowOperation");
    }
    StubSupport.TypedStub stub = StubSupport.typedStubOf(updateMethod, "WorkflowClient.startUpdateWithStart");
    StubSupport.TypedStub startStub = StubSupport.typedStubOf(startOperation.startMethod(), "WithStartWorkflowOperation");
    if (startStub != stub) {
      throw new IllegalArgumentException("the update method and the WithStartWorkflowOperation's workflow method must be"
          + " on the same workflow stub");
    }
    StubSupport.Invocation update = stub.captureVia(call);
    UpdateOptions<R> complete = withMethod(options, update.method());
    StubSupport.Invocation start = stub.captureVia(startOperation.startCall());
    if (!start.method().isAnnotationPresent(WorkflowMethod.class)) {
      throw new IllegalArgumentException("WithStartWorkflowOperation takes the stub's @WorkflowMethod, not "
          + start.method().getName());
    }
    startOperation.markInvoked();
    WorkflowStub untyped = stub.untyped();
    // Bound first: a rejected update still leaves the started run, whose result the operation gives.
    startOperation.bind(untyped, start.method().getReturnType(), start.method().getGenericReturnType());
    return untyped.startUpdateWithStart(complete, update.args(), start.args());
  }

  /** The options with the update's name and result type taken from its method, as Temporal fills them. */
  @SuppressWarnings("unchecked")
  private static <R> UpdateOptions<R> withMethod(UpdateOptions<R> options, Method method) {
    if (options == null) {
      throw new IllegalArgumentException("UpdateOptions are required (at least setWaitForStage)");
    }
    UpdateMethod annotation = method.getAnnotation(UpdateMethod.class);
    if (annotation == null) {
      throw new IllegalArgumentException(method.getName() + " is not an @UpdateMethod of the workflow interface");
    }
    String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
    if (options.getUpdateName() != null && !options.getUpdateName().equals(name)) {
      throw new IllegalArgumentException("Update name in the options doesn't match the method name: "
          + options.getUpdateName() + " != " + name);
    }
    UpdateOptions.Builder<R> b = options.toBuilder().setUpdateName(name);
    if (options.getResultClass() == null) {
      b.setResultClass((Class<R>) method.getReturnType()).setResultType(method.getGenericReturnType());
    }
    return b.build();
  }
}
