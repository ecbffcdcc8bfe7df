package dev.cairn.client;

/** How far {@link WorkflowStub#startUpdate} waits before it returns the update's handle. */
public enum WorkflowUpdateStage {
  /**
   * The update is known to the service. Cairn validates and records an update in one step, so this
   * waits as long as {@link #ACCEPTED}.
   */
  ADMITTED,
  /** The validator (if any) approved the update and history records it as accepted. */
  ACCEPTED,
  /** The update handler returned (or failed). */
  COMPLETED
}
