package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;

/** A start was refused because a run with that workflow id exists and the id policies forbid another. */
public final class WorkflowExecutionAlreadyStarted extends WorkflowException {
  public WorkflowExecutionAlreadyStarted(WorkflowExecution execution, String workflowType, Throwable cause) {
    super(execution, workflowType, cause);
  }
}
