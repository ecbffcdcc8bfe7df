package dev.cairn.api.history.v1;

import java.util.List;

/** A run's events in order; Temporal keeps this in its protobuf package, Cairn as a plain type. */
public final class History {
  private final List<HistoryEvent> events;

  public History(List<HistoryEvent> events) {
    this.events = List.copyOf(events);
  }

  public List<HistoryEvent> getEventsList() {
    return events;
  }

  public int getEventsCount() {
    return events.size();
  }

  public HistoryEvent getEvents(int index) {
    return events.get(index);
  }

  @Override
  public String toString() {
    return events.toString();
  }
}
