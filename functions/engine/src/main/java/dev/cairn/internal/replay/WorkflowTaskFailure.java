package dev.cairn.internal.replay;

/**
 * Workflow code threw something that is not a {@code TemporalFailure} (a bug, say a
 * NullPointerException). As in Temporal, the decision fails and is retried; the run stays open
 * until fixed code is deployed, unless the type is listed in {@code setFailWorkflowExceptionTypes}.
 */
public final class WorkflowTaskFailure extends RuntimeException {
  public WorkflowTaskFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
