package dev.cairn.internal.store;

/**
 * A signal or cancel request this run sent to another workflow, from its
 * SignalExternalWorkflowExecutionInitiated or RequestCancelExternalWorkflowExecutionInitiated until
 * the outcome (delivered or failed) is in this run's history. Its consumer checks the task against
 * it, so a duplicate or late task changes nothing (invariant 3).
 */
public record PendingExternal(long initiatedEventId, String workflowId, Kind kind) {
  public enum Kind { SIGNAL, CANCEL }
}
