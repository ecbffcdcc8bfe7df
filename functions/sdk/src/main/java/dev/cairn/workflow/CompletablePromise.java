package dev.cairn.workflow;

/** A promise completed explicitly by workflow code; created by {@link Workflow#newPromise()}. */
public interface CompletablePromise<V> extends Promise<V> {

  /** Completes with a value; false if it was already completed. */
  boolean complete(V value);

  /** Completes with a failure; false if it was already completed. */
  boolean completeExceptionally(RuntimeException value);

  /** Completes with the outcome of {@code source} once that completes. */
  CompletablePromise<V> completeFrom(Promise<V> source);
}
