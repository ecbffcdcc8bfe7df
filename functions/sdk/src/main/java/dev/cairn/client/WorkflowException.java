package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.failure.TemporalException;
import java.util.Objects;
import java.util.Optional;

/** Base of the client-side exceptions about one workflow execution. */
public abstract class WorkflowException extends TemporalException {
  private final WorkflowExecution execution;
  private final Optional<String> workflowType;

  protected WorkflowException(WorkflowExecution execution, String workflowType, Throwable cause) {
    this(getMessage(execution, workflowType), execution, workflowType, cause);
  }

  protected WorkflowException(
      String message, WorkflowExecution execution, String workflowType, Throwable cause) {
    super(message, cause);
    this.execution = Objects.requireNonNull(execution, "execution");
    this.workflowType = Optional.ofNullable(workflowType);
  }

  public WorkflowExecution getExecution() {
    return execution;
  }

  /** Empty when the caller used an untyped stub without naming the type. */
  public Optional<String> getWorkflowType() {
    return workflowType;
  }

  public static String getMessage(WorkflowExecution execution, String workflowType) {
    return "workflowId='" + execution.getWorkflowId() + "', runId='" + execution.getRunId()
        + (workflowType == null ? "'" : "', workflowType='" + workflowType + "'");
  }
}
