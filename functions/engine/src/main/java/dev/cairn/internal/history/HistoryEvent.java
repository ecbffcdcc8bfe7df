package dev.cairn.internal.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a run's history: an id (1, 2, 3... without gaps), when it was recorded, and what
 * happened. The JSON form is {@code {"eventId", "eventType", "timestamp", "attributes"}}; see
 * docs/event-schema.md.
 */
public record HistoryEvent(long eventId, Instant timestamp, EventAttributes attributes) {
  public HistoryEvent {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(attributes, "attributes");
    if (eventId < 1) {
      throw new IllegalArgumentException("eventId must be >= 1, was " + eventId);
    }
  }

  public String eventType() {
    return EventTypes.nameOf(attributes.getClass());
  }
}
