package dev.cairn.internal.store;

import dev.cairn.api.enums.v1.ParentClosePolicy;

/**
 * A child workflow its parent waits on, from its StartChildWorkflowExecutionInitiated until its
 * outcome is in the parent's history. The consumers of child tasks check a task against it, so a
 * duplicate start or outcome changes nothing (invariant 3).
 *
 * @param runId null until ChildWorkflowExecutionStarted is in the parent's history
 * @param cancelInitiatedEventId the parent's RequestCancelExternalWorkflowExecutionInitiated for this
 *     child, or 0; reset to 0 once the cancel request reached the child
 */
public record PendingChild(
    long initiatedEventId,
    String workflowId,
    String workflowType,
    String runId,
    ParentClosePolicy parentClosePolicy,
    long cancelInitiatedEventId) {

  public PendingChild withRunId(String newRunId) {
    return new PendingChild(initiatedEventId, workflowId, workflowType, newRunId, parentClosePolicy, cancelInitiatedEventId);
  }

  public PendingChild withCancelInitiated(long eventId) {
    return new PendingChild(initiatedEventId, workflowId, workflowType, runId, parentClosePolicy, eventId);
  }
}
