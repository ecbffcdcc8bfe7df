package dev.cairn.workflow;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.WorkflowException;

/** A request to cancel another workflow failed: no such workflow, or it is closed. */
public final class CancelExternalWorkflowException extends WorkflowException {

  public CancelExternalWorkflowException(String message, WorkflowExecution execution, String workflowType,
      Throwable cause) {
    super(message, execution, workflowType, cause);
  }

  @Override
  public String toString() {
    return "CancelExternalWorkflowException{execution=" + getExecution() + ", workflowType='"
        + getWorkflowType().orElse("") + "'}";
  }
}
