package dev.cairn.internal.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.UpdateOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.WorkflowUpdateStage;
import dev.cairn.internal.spi.Defaults;
import dev.cairn.internal.spi.StubSupport;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.WorkflowMethod;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;

/**
 * Calls on a typed workflow stub turned into calls on its untyped stub, whatever reaches the engine
 * (in process or over HTTP): the workflow method starts (and waits, unless started through
 * {@code WorkflowClient.start}/{@code execute}), the others signal, query or update.
 */
public final class TypedStubDispatch implements StubSupport.TypedStub {
  /** What a call on the workflow method does. */
  private enum Mode { EXECUTE, START, ASYNC, CAPTURE }

  private final Class<?> workflowInterface;
  private final WorkflowStub untyped;
  /** Set for the duration of one {@code *Via} call; the {@code *Via} methods are synchronized. */
  private Mode mode = Mode.EXECUTE;
  private CompletableFuture<Object> pending;
  private StubSupport.Invocation captured;

  public TypedStubDispatch(Class<?> workflowInterface, WorkflowStub untyped) {
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
    if (mode == Mode.CAPTURE) {
      captured = new StubSupport.Invocation(method, a);
      return Defaults.defaultValue(method.getReturnType());
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
      // through UpdateOptions, which carry the generic result type that WorkflowStub.update cannot
      return untyped.startUpdate(UpdateOptions.newBuilder(method.getReturnType()).setResultType(method.getGenericReturnType())
          .setUpdateName(update.name().isEmpty() ? method.getName() : update.name())
          .setWaitForStage(WorkflowUpdateStage.COMPLETED).build(), a).getResult();
    }
    throw new IllegalArgumentException(method + " is not annotated as a workflow, signal, query or update method");
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

  @Override
  public synchronized StubSupport.Invocation captureVia(Runnable call) {
    mode = Mode.CAPTURE;
    captured = null;
    try {
      call.run();
    } finally {
      mode = Mode.EXECUTE;
    }
    if (captured == null) {
      throw new IllegalArgumentException("the method reference called no method of the workflow stub");
    }
    return captured;
  }

  /** The workflow method and one signal method, seen on this stub, sent as one signal-with-start. */
  @Override
  public WorkflowExecution signalWithStartVia(java.util.List<Runnable> calls) {
    Object[] startArgs = null;
    String signalName = null;
    Object[] signalArgs = null;
    for (Runnable call : calls) {
      StubSupport.Invocation c = captureVia(call);
      SignalMethod signal = c.method().getAnnotation(SignalMethod.class);
      if (c.method().isAnnotationPresent(WorkflowMethod.class)) {
        startArgs = c.args();
      } else if (signal != null) {
        if (signalName != null) {
          throw new IllegalArgumentException("a signal-with-start request takes one signal method, got two");
        }
        signalName = signal.name().isEmpty() ? c.method().getName() : signal.name();
        signalArgs = c.args();
      } else {
        throw new IllegalArgumentException("a signal-with-start request takes the workflow method and a signal method,"
            + " not " + c.method().getName());
      }
    }
    if (startArgs == null || signalName == null) {
      throw new IllegalArgumentException("a signal-with-start request needs the workflow method and a signal method");
    }
    return untyped.signalWithStart(signalName, signalArgs, startArgs);
  }
}
