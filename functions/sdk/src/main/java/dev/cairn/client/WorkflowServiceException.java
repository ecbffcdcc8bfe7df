package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;

/** The engine could not be reached or refused the request; the cause has the details. */
public class WorkflowServiceException extends WorkflowException {
  public WorkflowServiceException(
      WorkflowExecution execution, String workflowType, Throwable cause) {
    super(execution, workflowType, cause);
  }
}
