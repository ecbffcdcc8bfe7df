package dev.cairn.workflow;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.internal.spi.StubSupport;

/**
 * Another workflow, addressed by id (and optionally run id) from workflow code, as Temporal's
 * {@code ExternalWorkflowStub}: {@link Workflow#newUntypedExternalWorkflowStub}, or {@link #fromTyped}
 * of a typed stub from {@link Workflow#newExternalWorkflowStub}. Each call is a command of this
 * workflow; it returns once the other workflow has the signal or the cancel request.
 */
public interface ExternalWorkflowStub {

  /** The untyped view of a typed external stub (one from {@link Workflow#newExternalWorkflowStub}). */
  static <T> ExternalWorkflowStub fromTyped(T typed) {
    return StubSupport.untypedExternal(typed);
  }

  /** The workflow this stub addresses; its run id is empty when the stub follows the latest run. */
  WorkflowExecution getExecution();

  /**
   * Signals the workflow and blocks until the signal is in its history. A workflow that does not exist
   * or is closed fails the call with an {@code ApplicationFailure} of type
   * {@code SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND}, as in
   * Temporal. {@code Async.procedure(stub::signal, name, args)} returns a promise instead of blocking.
   */
  void signal(String signalName, Object... args);

  /**
   * Requests cancellation of the workflow and blocks until the request is in its history; fails with
   * {@link CancelExternalWorkflowException} when the workflow does not exist or is closed.
   */
  void cancel();

  /** {@link #cancel()} with a reason, recorded with the request. */
  void cancel(String reason);
}
