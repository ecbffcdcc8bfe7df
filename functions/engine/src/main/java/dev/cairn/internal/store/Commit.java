package dev.cairn.internal.store;

import dev.cairn.internal.history.HistoryEvent;
import java.util.List;

/**
 * One atomic change of a run: its new record, the events appended and the tasks created, applied
 * only if the stored version is still {@code expectedVersion}. {@code next} starts the run that
 * continues this one in the same transaction (continue-as-new, cron, retry).
 */
public record Commit(
    long expectedVersion,
    ExecutionRecord record,
    List<HistoryEvent> events,
    List<OutboxTask> tasks,
    NewRun next) {

  public Commit {
    events = List.copyOf(events);
    tasks = List.copyOf(tasks);
  }

  /** A run created by a commit or a start. */
  public record NewRun(ExecutionRecord record, List<HistoryEvent> events, List<OutboxTask> tasks) {
    public NewRun {
      events = List.copyOf(events);
      tasks = List.copyOf(tasks);
    }
  }
}
