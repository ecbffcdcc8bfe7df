package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;

/** A query could not be answered: the handler threw, or the query type is unknown. */
public class WorkflowQueryException extends WorkflowException {
  public WorkflowQueryException(WorkflowExecution execution, String workflowType, Throwable cause) {
    super(execution, workflowType, cause);
  }
}
