package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;

/** No such workflow execution, or it is already closed where an open one was needed. */
public final class WorkflowNotFoundException extends WorkflowException {
  public WorkflowNotFoundException(WorkflowExecution execution, String workflowType, Throwable cause) {
    super(execution, workflowType, cause);
  }
}
