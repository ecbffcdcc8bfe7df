package dev.cairn.api.history.v1;

import dev.cairn.api.enums.v1.EventType;
import java.time.Instant;

/**
 * One event of a {@link History}: its id, type and time. The attributes stay in the JSON form of
 * docs/event-schema.md ({@link #toJson()}), which is the contract for them; an event read from a
 * history keeps that form, so a {@link History} turns back into JSON that a replayer reads.
 */
public final class HistoryEvent {
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

  @Override
  public String toString() {
    return eventId + " " + eventType + " " + eventTime;
  }
}
