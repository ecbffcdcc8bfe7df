package dev.cairn.internal.replay;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.failure.TemporalFailure;
import dev.cairn.internal.definition.Invocations;
import dev.cairn.internal.history.EventAttributes.CommandEvent;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionCanceled;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionFailed;
import dev.cairn.worker.WorkflowImplementationOptions;

/** How the run ends as far as its code has decided: the close command, or a failure of the workflow task. */
final class RunOutcome {
  private final DataConverter dataConverter;
  private final WorkflowImplementationOptions implementationOptions;
  private CommandEvent closeCommand;
  private boolean closeIssued;
  private Throwable workflowTaskFailure;
  private boolean cancelRequested;

  RunOutcome(DataConverter dataConverter, WorkflowImplementationOptions implementationOptions) {
    this.dataConverter = dataConverter;
    this.implementationOptions = implementationOptions;
  }

  /** The command that closes the run, once its code has decided one; null before. */
  CommandEvent closeCommand() {
    return closeCommand;
  }

  /** What the code threw that fails the workflow task (retried) rather than the run; null if nothing. */
  Throwable workflowTaskFailure() {
    return workflowTaskFailure;
  }

  /** Whether the close command has left a decision. */
  boolean isClosed() {
    return closeIssued;
  }

  /** The close command if it has not left a decision yet, marking it issued; else null. */
  CommandEvent takeCloseCommand() {
    if (closeCommand != null && !closeIssued) {
      closeIssued = true;
      return closeCommand;
    }
    return null;
  }

  void cancelRequested() {
    cancelRequested = true;
  }

  /** Keeps the first failure that fails the workflow task. */
  void failWorkflowTask(Throwable cause) {
    if (workflowTaskFailure == null) {
      workflowTaskFailure = cause;
    }
  }

  void closeOnFailure(Throwable t) {
    Throwable cause = t instanceof Invocations.CheckedExceptionThrown ? t.getCause() : t;
    if (cancelRequested && causedByCancellation(cause)) {
      close(new WorkflowExecutionCanceled(null));
    } else if (!(cause instanceof UnsupportedVersion) && (cause instanceof TemporalFailure || failsWorkflow(cause))) {
      close(new WorkflowExecutionFailed(dataConverter.exceptionToFailure(cause),
          dev.cairn.api.enums.v1.RetryState.RETRY_STATE_RETRY_POLICY_NOT_SET));
    } else if (workflowTaskFailure == null) {
      workflowTaskFailure = cause;
    }
  }

  /** A CanceledFailure, or a child's or activity's failure caused by one, ends a cancelled run as CANCELED. */
  private static boolean causedByCancellation(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CanceledFailure) {
        return true;
      }
      if (!(c instanceof TemporalFailure)) {
        return false;
      }
    }
    return false;
  }

  boolean failsWorkflow(Throwable t) {
    for (Class<? extends Throwable> type : implementationOptions.getFailWorkflowExceptionTypes()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Keeps the first close command: the run ends the way its code first decided. */
  void close(CommandEvent command) {
    if (closeCommand == null) {
      closeCommand = command;
    }
  }
}
