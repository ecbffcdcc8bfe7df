package dev.cairn.internal.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.HistoryStoreContract;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store passes the store contract, and keeps its file across reopening. */
class SqliteHistoryStoreTest extends HistoryStoreContract {
  @TempDir Path dataDirectories;
  private int opened;

  @Override
  protected HistoryStore newStore(Clock clock) {
    return new SqliteHistoryStore(dataDirectories.resolve("store-" + ++opened), clock);
  }

  /** Closing twice is harmless, so a test may close the store itself. */
  @Override
  protected void closeStore(HistoryStore store) {
    ((SqliteHistoryStore) store).close();
  }

  private Path dataDirectory() {
    return ((SqliteHistoryStore) store).file().getParent();
  }

  @Test
  void open_shouldGiveBackEverything_whenFileIsReopened() {
    clock.advance(Duration.ofNanos(123_456_789));
    // JSON reads whole numbers back as Long (history JSON does the same), so the test writes one.
    Commit.NewRun run = newRun("order-7", "OrderWorkflow", Map.of("CustomerId", "c-42", "Priority", 3L));
    store.create(run, null);
    ExecutionRecord v1 = run.record();
    clock.advance(Duration.ofNanos(1_001));
    OutboxTask timer = new OutboxTask("timer-1", new Task.TimerTask(v1.key(), "t1", clock.instant().plusSeconds(3600)),
        clock.instant().plusSeconds(3600));
    ExecutionRecord v2 = v1.next(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, clock.instant(), 3,
        v1.state());
    List<HistoryEvent> appended = events(2, 2);
    store.commit(new Commit(v1.version(), v2, appended, List.of(timer), null));
    clock.advance(Duration.ofSeconds(1));
    List<HistoryStore.UnsentTask> unsentBefore = store.findUnsentTasks(clock.instant(), 100);

    closeStore(store);
    store = new SqliteHistoryStore(dataDirectory(), clock);

    assertEquals(v2, store.get(v1.key()).orElseThrow(), "record equal to the nanosecond");
    assertEquals(v2, store.getCurrent("order-7").orElseThrow());
    List<HistoryEvent> history = store.readHistory(v1.key(), 1, 100);
    assertEquals(3, history.size());
    assertEquals(run.events().get(0), history.get(0));
    assertEquals(appended, history.subList(1, 3));
    assertEquals(List.of(v2), store.list(new HistoryStore.ListQuery(null, null, Map.of("Priority", 3), 10, null))
        .executions());
    assertEquals(2, unsentBefore.size());
    assertEquals(unsentBefore, store.findUnsentTasks(clock.instant(), 100));
  }

  @Test
  void open_shouldRefuseClearly_whenFileHasANewerSchemaVersion() throws Exception {
    Path directory = dataDirectory();
    Path file = ((SqliteHistoryStore) store).file();
    closeStore(store);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE schema_version SET version = " + (Schema.CURRENT_VERSION + 1));
    }

    SqliteStoreException e = assertThrows(SqliteStoreException.class, () -> new SqliteHistoryStore(directory, clock));
    assertTrue(e.getMessage().contains("schema version " + (Schema.CURRENT_VERSION + 1)), e.getMessage());
    assertTrue(e.getMessage().contains("newer Cairn"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void open_shouldUseWriteAheadLogAndRecordSchemaVersion_whenFileIsNew() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ((SqliteHistoryStore) store).file());
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertEquals("wal", rs.getString(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
        rs.next();
        assertEquals(Schema.CURRENT_VERSION, rs.getInt(1));
      }
    }
  }

  @Test
  void open_shouldSyncNormallyAndWaitForTheWriteLock_byDefault() {
    SqliteHistoryStore sqlite = (SqliteHistoryStore) store;
    assertEquals("1", sqlite.pragma("synchronous"), "NORMAL");
    assertTrue(Integer.parseInt(sqlite.pragma("busy_timeout")) >= 1000, sqlite.pragma("busy_timeout"));
  }

  @Test
  void open_shouldSyncEveryCommit_whenDurabilityIsFull() {
    closeStore(store);
    store = new SqliteHistoryStore(dataDirectories.resolve("full"), clock, Durability.FULL);
    assertEquals("2", ((SqliteHistoryStore) store).pragma("synchronous"), "FULL");
    Commit.NewRun run = newRun("wf-full", "OrderWorkflow");
    store.create(run, null);
    ExecutionRecord v1 = run.record();
    ExecutionRecord v2 = v1.next(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, null, 2, v1.state());
    store.commit(new Commit(v1.version(), v2, events(2, 1), List.of(), null));
    assertEquals(v2, store.get(v1.key()).orElseThrow());
  }

  @Test
  void list_shouldRefuse_whenPageTokenIsNotOneTheStoreIssued() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.list(new HistoryStore.ListQuery(null, null, null, 10, "not-a-token")));
    assertTrue(e.getMessage().contains("page token"), e.getMessage());
  }

  @Test
  void list_shouldPageByKeyNotOffset_whenRunsStartBetweenPages() {
    for (int i = 0; i < 4; i++) {
      store.create(newRun("old-" + i, "OrderWorkflow"), null);
      clock.advance(Duration.ofSeconds(1));
    }
    HistoryStore.ExecutionPage first = store.list(new HistoryStore.ListQuery(null, null, null, 2, null));
    store.create(newRun("new-0", "OrderWorkflow"), null);
    HistoryStore.ExecutionPage second = store.list(new HistoryStore.ListQuery(null, null, null, 2, first.nextPageToken()));

    assertEquals(List.of("old-3", "old-2"), first.executions().stream().map(r -> r.key().workflowId()).toList());
    assertEquals(List.of("old-1", "old-0"), second.executions().stream().map(r -> r.key().workflowId()).toList(),
        "a run started meanwhile neither shifts nor repeats rows");
  }
}
