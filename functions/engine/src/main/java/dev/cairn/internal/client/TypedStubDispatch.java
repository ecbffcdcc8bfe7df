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
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;

/**
 * Calls on a typed workflow stub turned into calls on its untyped stub, whatever reaches the engine
 * (in process or over HTTP): the workflow method starts (and waits, unless started through
 * {@code WorkflowClient.start}/{@code execute}), the others signal, query or update.
 */
public abstract class TypedStubDispatch implements StubSupport.TypedStub {
  /** What a call on the workflow method does. */
  protected enum Mode { EXECUTE, START, ASYNC, SIGNAL_WITH_START }

  private final Class<?> workflowInterface;
  private final WorkflowStub untyped;
  /** Set for the duration of one {@code *Via} call; the {@code *Via} methods are synchronized. */
  protected Mode mode = Mode.EXECUTE;
  private CompletableFuture<Object> pending;

  protected TypedStubDispatch(Class<?> workflowInterface, WorkflowStub untyped) {
    this.workflowInterface = workflowInterface;
    this.untyped = untyped;
  }

  @Override
  public WorkflowStub untyped() {
    return untyped;
  }

  /** An update with a generic result type ({@code WorkflowStub} has no such overload). */
  protected abstract <R> R update(String updateName, Class<R> resultClass, Type resultType, Object[] args);

  /** A call made while collecting a signal-with-start request; only runtimes that support it override this. */
  protected Object batched(Method method, Object[] args) {
    throw new UnsupportedOperationException("signal-with-start is not supported here");
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
      return update(update.name().isEmpty() ? method.getName() : update.name(), method.getReturnType(),
          method.getGenericReturnType(), a);
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
}
