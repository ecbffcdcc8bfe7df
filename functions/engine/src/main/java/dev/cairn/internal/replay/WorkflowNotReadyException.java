package dev.cairn.internal.replay;

/** The run has not completed its first decision, so there is no workflow object to ask yet. */
public final class WorkflowNotReadyException extends RuntimeException {
  WorkflowNotReadyException(String workflowId, String handler) {
    super("workflow " + workflowId + " has not run its first workflow task yet, so its " + handler
        + " cannot be called; try again once it has started");
  }
}
