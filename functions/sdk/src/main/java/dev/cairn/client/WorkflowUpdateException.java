package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;

/** An update was rejected by its validator or failed in its handler; the cause says why. */
public final class WorkflowUpdateException extends WorkflowException {
  private final String updateId;
  private final String updateName;

  public WorkflowUpdateException(
      WorkflowExecution execution, String updateId, String updateName, Throwable cause) {
    super(execution, null, cause);
    this.updateId = updateId;
    this.updateName = updateName;
  }

  public String getUpdateId() {
    return updateId;
  }

  public String getUpdateName() {
    return updateName;
  }
}
