package dev.cairn.workflow;

import dev.cairn.internal.spi.WorkflowRuntime;

/**
 * A tree of cancellable work. Cancelling a scope cancels every activity, timer and child scope
 * started inside it; a detached scope is not cancelled with its parent, for cleanup code.
 */
public interface CancellationScope extends Runnable {

  boolean isDetached();

  void cancel();

  void cancel(String reason);

  String getCancellationReason();

  boolean isCancelRequested();

  /** Completes, with the reason, when cancellation is requested. */
  Promise<String> getCancellationRequest();

  static CancellationScope current() {
    return WorkflowRuntime.current().currentCancellationScope();
  }

  /** Throws {@code CanceledFailure} when the current scope is cancelled. */
  static void throwCanceled() {
    if (current().isCancelRequested()) {
      throw new dev.cairn.failure.CanceledFailure("Execution canceled");
    }
  }
}
