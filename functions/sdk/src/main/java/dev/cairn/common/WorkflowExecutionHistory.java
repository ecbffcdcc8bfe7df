package dev.cairn.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.common.v1.WorkflowExecution;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A run's history in its documented JSON form (docs/event-schema.md): what
 * {@code WorkflowClient.fetchHistory} returns and {@code WorkflowReplayer} reads back.
 */
public final class WorkflowExecutionHistory {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final WorkflowExecution execution;
  private final JsonNode json;

  public WorkflowExecutionHistory(WorkflowExecution execution, String json) {
    this.execution = execution;
    try {
      this.json = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON history", e);
    }
  }

  public static WorkflowExecutionHistory fromJson(String json) {
    return new WorkflowExecutionHistory(WorkflowExecution.getDefaultInstance(), json);
  }

  public WorkflowExecution getWorkflowExecution() {
    return execution;
  }

  public String toJson(boolean prettyPrint) {
    try {
      return prettyPrint ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) : MAPPER.writeValueAsString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int getEventCount() {
    JsonNode events = json.isArray() ? json : json.path("events");
    return events.size();
  }

  @Override
  public String toString() {
    return toJson(false);
  }
}
