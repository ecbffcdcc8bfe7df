package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An update sent to a workflow, by which its result is awaited. */
public interface WorkflowUpdateHandle<T> {

  WorkflowExecution getExecution();

  /** The update id: the caller's ({@link UpdateOptions.Builder#setUpdateId}) or a generated one. */
  String getId();

  /**
   * Waits for the handler's result.
   *
   * @throws WorkflowUpdateException when the handler failed or the run closed before it returned
   */
  T getResult();

  T getResult(long timeout, TimeUnit unit);

  /** {@link #getResult()} on another thread. */
  default CompletableFuture<T> getResultAsync() {
    return CompletableFuture.supplyAsync(this::getResult);
  }

  default CompletableFuture<T> getResultAsync(long timeout, TimeUnit unit) {
    return CompletableFuture.supplyAsync(() -> getResult(timeout, unit));
  }
}
