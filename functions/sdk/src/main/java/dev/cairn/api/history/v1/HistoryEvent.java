package dev.cairn.api.history.v1;

import dev.cairn.api.enums.v1.EventType;
import java.time.Instant;

/**
 * One event of a {@link History}: its id, type and time. The attributes stay in the JSON form of
 * docs/event-schema.md ({@code WorkflowExecutionHistory.toJson}), which is the contract for them.
 */
public final class HistoryEvent {
  private final long eventId;
  private final EventType eventType;
  private final Instant eventTime;

  public HistoryEvent(long eventId, EventType eventType, Instant eventTime) {
    this.eventId = eventId;
    this.eventType = eventType;
    this.eventTime = eventTime;
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

  @Override
  public String toString() {
    return eventId + " " + eventType + " " + eventTime;
  }
}
