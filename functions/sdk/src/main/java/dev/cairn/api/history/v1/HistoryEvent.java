package dev.cairn.api.history.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.enums.v1.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One event of a {@link History}: its id, type and time. The attributes stay in the JSON form of
 * docs/event-schema.md ({@link #toJson()}), which is the contract for them; an event read from a
 * history keeps that form, so a {@link History} turns back into JSON that a replayer reads.
 */
public final class HistoryEvent {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final long eventId;
  private final EventType eventType;
  private final Instant eventTime;
  private final String json;

  public HistoryEvent(long eventId, EventType eventType, Instant eventTime) {
    this(eventId, eventType, eventTime, null);
  }

  /** An event with its JSON form ({@code {"eventId", "eventType", "timestamp", "attributes"}}). */
  public HistoryEvent(long eventId, EventType eventType, Instant eventTime, String json) {
    this.eventId = eventId;
    this.eventType = eventType;
    this.eventTime = eventTime;
    this.json = json;
  }

  /**
   * The event in the JSON form of docs/event-schema.md, attributes included; null for an event made
   * without it.
   */
  public String toJson() {
    return json;
  }

  public long getEventId() {
    return eventId;
  }

  public EventType getEventType() {
    return eventType;
  }

  /** When the store recorded the event (Temporal returns a protobuf Timestamp here). */
  public Instant getEventTime() {
    return eventTime;
  }

  public boolean hasWorkflowExecutionStartedEventAttributes() {
    return eventType == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED;
  }

  /**
   * The started event's attributes; for an event of another type, all defaults (as Temporal's
   * protobuf accessor). Needs the event's JSON form: events of fetched histories have it.
   */
  public WorkflowExecutionStartedEventAttributes getWorkflowExecutionStartedEventAttributes() {
    return new WorkflowExecutionStartedEventAttributes(
        hasWorkflowExecutionStartedEventAttributes() ? attributes() : null);
  }

  private JsonNode attributes() {
    if (json == null) {
      throw new IllegalStateException("event " + eventId + " was made without its JSON form, so its attributes are"
          + " unknown: read them from a fetched history (WorkflowClient.fetchHistory, TestWorkflowRule.getHistory)");
    }
    try {
      return MAPPER.readTree(json).path("attributes");
    } catch (IOException e) {
      throw new UncheckedIOException("event " + eventId + " is not JSON", e);
    }
  }

  @Override
  public String toString() {
    return eventId + " " + eventType + " " + eventTime;
  }
}
