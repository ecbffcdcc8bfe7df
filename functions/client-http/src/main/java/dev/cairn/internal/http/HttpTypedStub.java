package dev.cairn.internal.http;

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

/** Calls on a typed stub over HTTP: the workflow method starts (and waits), the others signal, query, update. */
final class HttpTypedStub implements StubSupport.TypedStub {
  private enum Mode { EXECUTE, START, ASYNC }

  private final Class<?> workflowInterface;
  private final HttpWorkflowStub untyped;
  private Mode mode = Mode.EXECUTE;
  private CompletableFuture<Object> pending;

  HttpTypedStub(Class<?> workflowInterface, HttpWorkflowStub untyped) {
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

  @Override
  public WorkflowExecution signalWithStartVia(List<Runnable> calls) {
    throw new UnsupportedOperationException("signal-with-start is not in the HTTP API yet: start, then signal");
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
