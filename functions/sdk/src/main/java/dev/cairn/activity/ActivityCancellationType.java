package dev.cairn.activity;

/** When a workflow's activity call returns after the workflow cancels it. */
public enum ActivityCancellationType {
  /** Wait until the activity acknowledges cancellation (by failing a heartbeat) and finishes. */
  WAIT_CANCELLATION_COMPLETED,
  /** Request cancellation and fail the call at once. */
  TRY_CANCEL,
  /** Fail the call at once without even requesting cancellation. */
  ABANDON
}
