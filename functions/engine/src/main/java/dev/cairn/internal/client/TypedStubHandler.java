package dev.cairn.internal.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.WorkflowStub;
import dev.cairn.internal.spi.Defaults;
import dev.cairn.internal.spi.StubSupport;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.WorkflowMethod;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Calls on a typed workflow stub: the workflow method starts (and waits), signal methods signal. */
final class TypedStubHandler implements StubSupport.TypedStub {
  private enum Mode { EXECUTE, START, ASYNC, SIGNAL_WITH_START }

  private final Class<?> workflowInterface;
  private final UntypedStub untyped;
  private Mode mode = Mode.EXECUTE;
  private CompletableFuture<Object> pending;
  private Object[] batchStartArgs;
  private String batchSignal;
  private Object[] batchSignalArgs;

  TypedStubHandler(Class<?> workflowInterface, UntypedStub untyped) {
    this.workflowInterface = workflowInterface;
    this.untyped = untyped;
  }

  @Override
  public WorkflowStub untyped() {
    return untyped;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "toString" -> "WorkflowStub[" + workflowInterface.getSimpleName() + "]";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }
    Object[] a = args == null ? new Object[0] : args;
    if (mode == Mode.SIGNAL_WITH_START) {
      return batched(method, a);
    }
    if (method.isAnnotationPresent(WorkflowMethod.class)) {
      untyped.start(a);
      switch (mode) {
        case START -> {
          return Defaults.defaultValue(method.getReturnType());
        }
        case ASYNC -> {
          pending = CompletableFuture.supplyAsync(() -> untyped.getResult(method.getReturnType(), method.getGenericReturnType()));
          return Defaults.defaultValue(method.getReturnType());
        }
        default -> {
          return untyped.getResult(method.getReturnType(), method.getGenericReturnType());
        }
      }
    }
    SignalMethod signal = method.getAnnotation(SignalMethod.class);
    if (signal != null) {
      untyped.signal(signal.name().isEmpty() ? method.getName() : signal.name(), a);
      return null;
    }
    QueryMethod query = method.getAnnotation(QueryMethod.class);
    if (query != null) {
      return untyped.query(query.name().isEmpty() ? method.getName() : query.name(), method.getReturnType(),
          method.getGenericReturnType(), a);
    }
    UpdateMethod update = method.getAnnotation(UpdateMethod.class);
    if (update != null) {
      return untyped.update(update.name().isEmpty() ? method.getName() : update.name(), method.getReturnType(),
          method.getGenericReturnType(), a);
    }
    throw new IllegalArgumentException(method + " is not annotated as a workflow, signal, query or update method");
  }

  private Object batched(Method method, Object[] a) {
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

  @Override
  public synchronized WorkflowExecution startVia(Runnable call) {
    mode = Mode.START;
    try {
      call.run();
      return untyped.getExecution();
    } finally {
      mode = Mode.EXECUTE;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <R> CompletableFuture<R> executeVia(Runnable call) {
    mode = Mode.ASYNC;
    try {
      call.run();
      return (CompletableFuture<R>) pending;
    } finally {
      mode = Mode.EXECUTE;
    }
  }

}
