package dev.cairn.workflow;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.WorkflowException;

/**
 * Temporal's exception for a signal to another workflow that could not be delivered. Kept for
 * code that names it; like Temporal's SDK, Cairn reports a failed signal as an
 * {@code ApplicationFailure} whose type is the failure's cause (see {@link ExternalWorkflowStub#signal}).
 */
public final class SignalExternalWorkflowException extends WorkflowException {

  public SignalExternalWorkflowException(WorkflowExecution execution, String workflowType) {
    super(getMessage(execution, workflowType), execution, workflowType, null);
  }

  public static String getMessage(WorkflowExecution execution, String workflowType) {
    return "message='Open execution not found', workflowId='" + execution.getWorkflowId() + "', runId='"
        + execution.getRunId() + "'" + (workflowType == null ? "" : ", workflowType='" + workflowType + "'");
  }
}
