package dev.cairn.internal.replay;

import dev.cairn.internal.spi.StubSupport;
import dev.cairn.workflow.ExternalWorkflowStub;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.WorkflowMethod;
import java.lang.reflect.Method;

/** A typed stub of another workflow: its {@code @SignalMethod}s signal it; nothing else can be called from workflow code. */
final class ExternalWorkflowStubHandler implements AsyncCapture.StubInvocationHandler, StubSupport.TypedExternalStub {
  private final Class<?> workflowInterface;
  private final ExternalWorkflowStubImpl untyped;

  ExternalWorkflowStubHandler(Class<?> workflowInterface, ExternalWorkflowStubImpl untyped) {
    this.workflowInterface = workflowInterface;
    this.untyped = untyped;
  }

  @Override
  public ExternalWorkflowStub untypedExternal() {
    return untyped;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "toString" -> "ExternalWorkflowStub[" + workflowInterface.getName() + ", " + untyped.getExecution().getWorkflowId() + "]";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }
    SignalMethod signal = method.getAnnotation(SignalMethod.class);
    if (signal != null) {
      untyped.signal(signal.name().isEmpty() ? method.getName() : signal.name(), args == null ? new Object[0] : args);
      return null;
    }
    if (method.isAnnotationPresent(WorkflowMethod.class)) {
      throw new IllegalStateException("cannot start a workflow through an external workflow stub ("
          + method.getName() + "); use Workflow.newChildWorkflowStub");
    }
    if (method.isAnnotationPresent(QueryMethod.class) || method.isAnnotationPresent(UpdateMethod.class)) {
      throw new UnsupportedOperationException("queries and updates from one workflow to another are not supported ("
          + method.getName() + "), as in Temporal; call them from an activity through a WorkflowClient");
    }
    throw new IllegalArgumentException(method + " is not annotated as a workflow, signal, query or update method");
  }
}
