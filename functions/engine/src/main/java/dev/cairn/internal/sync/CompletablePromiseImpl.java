package dev.cairn.internal.sync;

import dev.cairn.failure.CanceledFailure;
import dev.cairn.internal.spi.WorkflowRuntime;
import dev.cairn.workflow.CompletablePromise;
import dev.cairn.workflow.Functions;
import dev.cairn.workflow.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A deterministic promise. Callbacks run synchronously when it completes on a workflow thread; a
 * completion from outside (history events being applied) defers them to a workflow thread, because
 * callbacks are user code that may call the workflow API.
 */
public final class CompletablePromiseImpl<V> implements CompletablePromise<V> {
  private final DeterministicRunner runner;
  private boolean completed;
  private V value;
  private RuntimeException failure;
  private List<Runnable> handlers = new ArrayList<>();

  public CompletablePromiseImpl(DeterministicRunner runner) {
    this.runner = runner;
  }

  @Override
  public boolean isCompleted() {
    return completed;
  }

  @Override
  public V get() {
    if (!completed) {
      WorkflowThread.require().yieldUntil("Promise.get", () -> completed);
    }
    return result();
  }

  @Override
  public V cancellableGet() {
    if (!completed) {
      WorkflowThread t = WorkflowThread.require();
      CancellationScopeImpl scope = t.currentScope();
      t.yieldUntil("Promise.cancellableGet", () -> completed || scope.isCancelRequested());
      if (!completed) {
        throw new CanceledFailure("Promise.cancellableGet canceled: " + scope.getCancellationReason());
      }
    }
    return result();
  }

  @Override
  public V get(long timeout, TimeUnit unit) throws TimeoutException {
    if (!completed) {
      WorkflowRuntime.current().await(Duration.ofMillis(unit.toMillis(timeout)), () -> completed);
      if (!completed) {
        throw new TimeoutException("Promise not completed within " + timeout + " " + unit);
      }
    }
    return result();
  }

  @Override
  public V cancellableGet(long timeout, TimeUnit unit) throws TimeoutException {
    CancellationScopeImpl scope = WorkflowThread.require().currentScope();
    if (!completed) {
      WorkflowRuntime.current().await(Duration.ofMillis(unit.toMillis(timeout)), () -> completed || scope.isCancelRequested());
      if (!completed && scope.isCancelRequested()) {
        throw new CanceledFailure("Promise.cancellableGet canceled: " + scope.getCancellationReason());
      }
      if (!completed) {
        throw new TimeoutException("Promise not completed within " + timeout + " " + unit);
      }
    }
    return result();
  }

  @Override
  public RuntimeException getFailure() {
    if (!completed) {
      WorkflowThread.require().yieldUntil("Promise.getFailure", () -> completed);
    }
    return failure;
  }

  /** The failure without blocking; null when not completed or completed with a value. */
  public RuntimeException failureNow() {
    return failure;
  }

  private V result() {
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  @Override
  public boolean complete(V v) {
    if (completed) {
      return false;
    }
    completed = true;
    value = v;
    fire();
    return true;
  }

  @Override
  public boolean completeExceptionally(RuntimeException e) {
    if (completed) {
      return false;
    }
    completed = true;
    failure = e == null ? new IllegalStateException("completed with null failure") : e;
    fire();
    return true;
  }

  @Override
  public CompletablePromise<V> completeFrom(Promise<V> source) {
    source.handle((v, f) -> {
      if (f != null) {
        completeExceptionally(f);
      } else {
        complete(v);
      }
      return null;
    });
    return this;
  }

  private void fire() {
    List<Runnable> toRun = handlers;
    handlers = null;
    if (toRun.isEmpty()) {
      return;
    }
    if (WorkflowThread.current() == null) {
      runner.executeInWorkflowThread(() -> toRun.forEach(Runnable::run));
    } else {
      toRun.forEach(Runnable::run);
    }
  }

  private void onComplete(Runnable handler) {
    if (completed) {
      handler.run();
    } else {
      handlers.add(handler);
    }
  }

  @Override
  public <U> Promise<U> thenApply(Functions.Func1<? super V, ? extends U> fn) {
    return handle((v, f) -> {
      if (f != null) {
        throw f;
      }
      return fn.apply(v);
    });
  }

  @Override
  public <U> Promise<U> handle(Functions.Func2<? super V, RuntimeException, ? extends U> fn) {
    CompletablePromiseImpl<U> next = new CompletablePromiseImpl<>(runner);
    onComplete(() -> {
      try {
        next.complete(fn.apply(value, failure));
      } catch (RuntimeException e) {
        next.completeExceptionally(e);
      }
    });
    return next;
  }

  @Override
  public <U> Promise<U> thenCompose(Functions.Func1<? super V, ? extends Promise<U>> fn) {
    CompletablePromiseImpl<U> next = new CompletablePromiseImpl<>(runner);
    onComplete(() -> {
      if (failure != null) {
        next.completeExceptionally(failure);
        return;
      }
      try {
        next.completeFrom(fn.apply(value));
      } catch (RuntimeException e) {
        next.completeExceptionally(e);
      }
    });
    return next;
  }

  @Override
  public Promise<V> exceptionally(Functions.Func1<Throwable, ? extends V> fn) {
    return handle((v, f) -> f == null ? v : fn.apply(f));
  }

  @Override
  public String toString() {
    return "Promise[" + (completed ? (failure != null ? "failed: " + failure : "value: " + value) : "pending") + "]";
  }
}
