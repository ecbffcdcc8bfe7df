package dev.cairn.workflow;

/** When a parent's call to a child returns after the parent cancels the child. */
public enum ChildWorkflowCancellationType {
  /** Wait until the child has finished (it may run cleanup after the cancel). */
  WAIT_CANCELLATION_COMPLETED,
  /** Wait until the cancellation request has been recorded for the child. */
  WAIT_CANCELLATION_REQUESTED,
  /** Send the request and return at once. */
  TRY_CANCEL,
  /** Return at once and leave the child running. */
  ABANDON
}
