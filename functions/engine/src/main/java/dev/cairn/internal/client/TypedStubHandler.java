package dev.cairn.internal.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.internal.spi.Defaults;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.WorkflowMethod;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;

/** The in-process typed stub: {@link TypedStubDispatch} plus signal-with-start. */
final class TypedStubHandler extends TypedStubDispatch {
  private final UntypedStub untyped;
  private Object[] batchStartArgs;
  private String batchSignal;
  private Object[] batchSignalArgs;

  TypedStubHandler(Class<?> workflowInterface, UntypedStub untyped) {
    super(workflowInterface, untyped);
    this.untyped = untyped;
  }

  @Override
  protected <R> R update(String updateName, Class<R> resultClass, Type resultType, Object[] args) {
    return untyped.update(updateName, resultClass, resultType, args);
  }

  @Override
  protected Object batched(Method method, Object[] a) {
    SignalMethod signal = method.getAnnotation(SignalMethod.class);
    if (method.isAnnotationPresent(WorkflowMethod.class)) {
      batchStartArgs = a;
    } else if (signal != null) {
      if (batchSignal != null) {
        throw new IllegalArgumentException("a signal-with-start request takes one signal method, got two");
      }
      batchSignal = signal.name().isEmpty() ? method.getName() : signal.name();
      batchSignalArgs = a;
    } else {
      throw new IllegalArgumentException("a signal-with-start request takes the workflow method and a signal method, not "
          + method.getName());
    }
    return Defaults.defaultValue(method.getReturnType());
  }

  @Override
  public synchronized WorkflowExecution signalWithStartVia(List<Runnable> calls) {
    mode = Mode.SIGNAL_WITH_START;
    batchStartArgs = null;
    batchSignal = null;
    try {
      calls.forEach(Runnable::run);
    } finally {
      mode = Mode.EXECUTE;
    }
    if (batchStartArgs == null || batchSignal == null) {
      throw new IllegalArgumentException("a signal-with-start request needs the workflow method and a signal method");
    }
    return untyped.signalWithStart(batchSignal, batchSignalArgs, batchStartArgs);
  }
}
