package dev.cairn.internal.replay;

import dev.cairn.internal.spi.StubSupport;
import dev.cairn.workflow.ChildWorkflowStub;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.WorkflowMethod;
import java.lang.reflect.Method;

/** A typed child workflow stub: its workflow method starts the child; Async.function starts it without blocking. */
final class ChildWorkflowStubHandler implements AsyncCapture.StubInvocationHandler, StubSupport.TypedChildStub {
  private final ReplayContext ctx;
  private final Class<?> workflowInterface;
  private final ChildWorkflowStubImpl untyped;

  ChildWorkflowStubHandler(ReplayContext ctx, Class<?> workflowInterface, ChildWorkflowStubImpl untyped) {
    this.ctx = ctx;
    this.workflowInterface = workflowInterface;
    this.untyped = untyped;
  }

  @Override
  public ChildWorkflowStub untypedChild() {
    return untyped;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object invoke(Object proxy, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "toString" -> "ChildWorkflowStub[" + workflowInterface.getName() + "]";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }
    dev.cairn.workflow.SignalMethod signal = method.getAnnotation(dev.cairn.workflow.SignalMethod.class);
    if (signal != null) {
      untyped.signal(signal.name().isEmpty() ? method.getName() : signal.name(), args == null ? new Object[0] : args);
      return null;
    }
    if (!method.isAnnotationPresent(WorkflowMethod.class)) {
      throw new UnsupportedOperationException("only the @WorkflowMethod and @SignalMethods of a child workflow stub can"
          + " be called from workflow code; " + method.getName() + " (a query or update to a child) is not supported,"
          + " as in Temporal");
    }
    Promise<Object> result = untyped.executeAsync((Class<Object>) method.getReturnType(), method.getGenericReturnType(),
        args == null ? new Object[0] : args);
    return ctx.returnOrCapture(result, method.getReturnType());
  }
}
