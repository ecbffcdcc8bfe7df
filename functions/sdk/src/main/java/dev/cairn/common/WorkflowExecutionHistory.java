package dev.cairn.common;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.history.v1.History;

/**
 * A run's history in its documented JSON form (docs/event-schema.md): what
 * {@code WorkflowClient.fetchHistory} returns and {@code WorkflowReplayer} reads back.
 */
public final class WorkflowExecutionHistory extends dev.cairn.internal.common.WorkflowExecutionHistory {

  public WorkflowExecutionHistory(WorkflowExecution execution, String json) {
    super(execution, json);
  }

  public WorkflowExecutionHistory(History history) {
    super(history);
  }

  public WorkflowExecutionHistory(History history, String workflowId) {
    super(history, workflowId);
  }

  public static WorkflowExecutionHistory fromJson(String json) {
    return new WorkflowExecutionHistory(WorkflowExecution.getDefaultInstance(), json);
  }
}
