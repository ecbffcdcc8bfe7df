package dev.cairn.workflow;

import dev.cairn.internal.spi.WorkflowRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The result of an asynchronous workflow operation. Unlike {@code CompletableFuture} it is
 * deterministic: it may only be used from workflow code, and blocking on it parks the workflow thread
 * until the engine resolves it from history.
 */
public interface Promise<V> {

  /** Whether the promise holds a value or a failure. */
  boolean isCompleted();

  /** Blocks until completed; returns the value or throws the failure. */
  V get();

  /** Like {@link #get()} but throws {@code CanceledFailure} when the current scope is cancelled. */
  V cancellableGet();

  /** Blocks at most {@code timeout} of workflow time. */
  V get(long timeout, TimeUnit unit) throws TimeoutException;

  V cancellableGet(long timeout, TimeUnit unit) throws TimeoutException;

  /** The failure, or null if completed with a value. Blocks until completed. */
  RuntimeException getFailure();

  <U> Promise<U> thenApply(Functions.Func1<? super V, ? extends U> fn);

  <U> Promise<U> handle(Functions.Func2<? super V, RuntimeException, ? extends U> fn);

  <U> Promise<U> thenCompose(Functions.Func1<? super V, ? extends Promise<U>> fn);

  Promise<V> exceptionally(Functions.Func1<Throwable, ? extends V> fn);

  /**
   * Completes when all complete; fails with the first failure once all are done. As in Temporal,
   * the result is {@code Void}: read each value from its own promise.
   */
  static <U> Promise<Void> allOf(Iterable<? extends Promise<U>> promises) {
    List<Promise<U>> all = new ArrayList<>();
    promises.forEach(all::add);
    return WorkflowRuntime.current().allOfVoid(all);
  }

  static Promise<Void> allOf(Promise<?>... promises) {
    return WorkflowRuntime.current().allOfVoid(Arrays.asList(promises));
  }

  /** Completes with the first promise to complete, value or failure. */
  static <V> Promise<V> anyOf(Iterable<Promise<V>> promises) {
    return WorkflowRuntime.current().anyOf(promises);
  }

  @SuppressWarnings("unchecked")
  static Promise<Object> anyOf(Promise<?>... promises) {
    return WorkflowRuntime.current().anyOf((List<Promise<Object>>) (List<?>) Arrays.asList(promises));
  }
}
