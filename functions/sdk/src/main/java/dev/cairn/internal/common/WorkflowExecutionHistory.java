package dev.cairn.internal.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.history.v1.History;
import dev.cairn.api.history.v1.HistoryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's history in its documented JSON form (docs/event-schema.md). The public type is
 * {@link dev.cairn.common.WorkflowExecutionHistory}; this base sits where Temporal's does
 * ({@code io.temporal.internal.common}) because Temporal's own samples' tests import it from there
 * ({@code new WorkflowExecutionHistory(rule.getHistory(execution)).toJson(true)}), so they port by
 * the rename too.
 */
public class WorkflowExecutionHistory {
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

  /** A history made of {@code History}'s events, which must have been read from one (they keep their JSON). */
  public WorkflowExecutionHistory(History history) {
    this(WorkflowExecution.getDefaultInstance(), eventsJson(history));
  }

  public WorkflowExecutionHistory(History history, String workflowId) {
    this(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build(), eventsJson(history));
  }

  public static WorkflowExecutionHistory fromJson(String json) {
    return new WorkflowExecutionHistory(WorkflowExecution.getDefaultInstance(), json);
  }

  private static String eventsJson(History history) {
    StringBuilder out = new StringBuilder("{\"events\":[");
    for (HistoryEvent e : history.getEventsList()) {
      if (e.toJson() == null) {
        throw new IllegalArgumentException("event " + e.getEventId() + " has no JSON form: build the History from "
            + "a fetched history (WorkflowClient.fetchHistory, TestWorkflowRule.getHistory)");
      }
      out.append(out.charAt(out.length() - 1) == '[' ? "" : ",").append(e.toJson());
    }
    return out.append("]}").toString();
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

  /** The events' ids, types and times; the attributes are in {@link #toJson(boolean)}. */
  public History getHistory() {
    List<HistoryEvent> out = new ArrayList<>();
    for (JsonNode e : eventsNode()) {
      out.add(new HistoryEvent(e.path("eventId").asLong(), eventType(e.path("eventType").asText()),
          e.hasNonNull("timestamp") ? Instant.parse(e.path("timestamp").asText()) : null, e.toString()));
    }
    return new History(out);
  }

  public List<HistoryEvent> getEvents() {
    return getHistory().getEventsList();
  }

  public HistoryEvent getLastEvent() {
    List<HistoryEvent> events = getEvents();
    return events.isEmpty() ? null : events.get(events.size() - 1);
  }

  /** "ActivityTaskScheduled" (the JSON form) to EVENT_TYPE_ACTIVITY_TASK_SCHEDULED (Temporal's enum). */
  private static EventType eventType(String jsonName) {
    String snake = jsonName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    try {
      return EventType.valueOf("EVENT_TYPE_" + snake);
    } catch (IllegalArgumentException e) {
      return EventType.EVENT_TYPE_UNSPECIFIED;
    }
  }

  private JsonNode eventsNode() {
    return json.isArray() ? json : json.path("events");
  }

  public int getEventCount() {
    return eventsNode().size();
  }

  @Override
  public String toString() {
    return toJson(false);
  }
}
