package dev.cairn.internal.store.sqlite;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.ExecutionState;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The process {@link SqliteCrashTest} kills: creates one run, then commits to it in a loop (one event
 * and one outbox task per commit) and prints {@code acked <version> .} after each commit returns.
 * Bounded in commits and time so that it ends by itself if nobody kills it.
 *
 * <p>Arguments: data directory, durability (NORMAL or FULL).
 */
final class CommitLoop {
  static final ExecutionKey KEY = new ExecutionKey("crash-wf", "run-1");
  private static final int MAX_COMMITS = 200_000;
  private static final Duration MAX_TIME = Duration.ofSeconds(120);

  private CommitLoop() {}

  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    Instant stopAt = clock.instant().plus(MAX_TIME);
    try (SqliteHistoryStore store = new SqliteHistoryStore(Path.of(args[0]), clock, Durability.valueOf(args[1]))) {
      ExecutionRecord record = new ExecutionRecord(KEY, "CrashWorkflow", "crash",
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, clock.instant(), null, 1, 1, Map.of(),
          ExecutionState.initial());
      store.create(new Commit.NewRun(record, List.of(event(1, clock)), List.of(task(1, clock))), null);
      acknowledge(record.version());
      for (int i = 0; i < MAX_COMMITS && clock.instant().isBefore(stopAt); i++) {
        long eventId = record.lastEventId() + 1;
        ExecutionRecord next = record.next(record.status(), null, eventId, record.state());
        store.commit(new Commit(record.version(), next, List.of(event(eventId, clock)), List.of(task(eventId, clock)), null));
        record = next;
        acknowledge(record.version());
      }
    }
  }

  private static void acknowledge(long version) {
    // The trailing dot tells a whole line from one cut short by the kill.
    System.out.println("acked " + version + " .");
    System.out.flush();
  }

  static HistoryEvent event(long id, Clock clock) {
    return new HistoryEvent(id, clock.instant(), new EventAttributes.WorkflowExecutionSignaled("tick",
        GlobalDataConverter.get().toPayloads("x".repeat(500)).orElseThrow(), null));
  }

  private static OutboxTask task(long n, Clock clock) {
    return new OutboxTask("task-" + n, new Task.DecisionTask(KEY), clock.instant());
  }
}
