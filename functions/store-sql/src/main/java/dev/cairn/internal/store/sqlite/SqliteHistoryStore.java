package dev.cairn.internal.store.sqlite;

import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ConcurrentUpdateException;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.StoreJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The history store in one SQLite file ({@value #FILE_NAME} in the data directory), the local
 * default. WAL journal, IMMEDIATE transactions (a writer takes the write lock before it reads, so a
 * read-then-write never fails with a stale snapshot), a busy timeout for writers queueing on that
 * lock. Every create and commit is one transaction; a commit's UPDATE is guarded by the version
 * and its rows-affected count decides the winner (invariant 1). Thread-safe.
 */
public final class SqliteHistoryStore implements HistoryStore, AutoCloseable {
  /** The file in the data directory. */
  public static final String FILE_NAME = "history.db";

  private static final int BUSY_TIMEOUT_MILLIS = 30_000;
  private static final int MAX_CONNECTIONS = 8;
  private static final int DEFAULT_PAGE_SIZE = 100;

  private final Path file;
  private final Clock clock;
  private final ConnectionPool pool;

  /** Opens or creates the store in {@code dataDirectory} with {@link Durability#NORMAL}. */
  public SqliteHistoryStore(Path dataDirectory, Clock clock) {
    this(dataDirectory, clock, Durability.NORMAL);
  }

  /**
   * Opens or creates the store in {@code dataDirectory}, creating the directory if needed.
   *
   * @throws SqliteStoreException when the file cannot be opened or has a newer schema version
   */
  public SqliteHistoryStore(Path dataDirectory, Clock clock, Durability durability) {
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
    }
    this.file = dataDirectory.resolve(FILE_NAME);
    this.pool = new ConnectionPool("jdbc:sqlite:" + file, settings(durability).toProperties(), MAX_CONNECTIONS);
    try {
      Connection c = pool.borrow();
      try {
        Schema.createOrCheck(c, file.toString());
      } finally {
        pool.giveBack(c);
      }
    } catch (SQLException e) {
      pool.close();
      throw failure("open", e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static SQLiteConfig settings(Durability durability) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(durability == Durability.FULL
        ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return config;
  }

  /** A connection setting as SQLite reports it ({@code synchronous}, {@code busy_timeout}), for tests. */
  String pragma(String name) {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a pragma name: " + name);
    }
    return read("pragma", c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
        return rs.next() ? rs.getString(1) : null;
      }
    });
  }

  /** The SQLite file this store writes. */
  public Path file() {
    return file;
  }

  // ------------------------------------------------------------------ writes

  @Override
  public void create(Commit.NewRun run, String expectedCurrentRunId) {
    inTransaction("create", c -> {
      String workflowId = run.record().key().workflowId();
      String current = currentRunId(c, workflowId);
      if (!Objects.equals(current, expectedCurrentRunId)) {
        throw new ConcurrentUpdateException("current run of " + workflowId + " is " + current + ", not "
            + expectedCurrentRunId);
      }
      insert(c, run);
    });
  }

  @Override
  public void commit(Commit commit) {
    inTransaction("commit", c -> {
      ExecutionKey key = commit.record().key();
      guardedUpdate(c, commit, key);
      long expectedId = lastEventId(c, key) + 1;
      for (HistoryEvent e : commit.events()) {
        if (e.eventId() != expectedId++) {
          throw new IllegalArgumentException("event ids must continue the history without gaps: got " + e.eventId());
        }
      }
      if (commit.next() != null && !key.runId().equals(currentRunId(c, key.workflowId()))) {
        throw new ConcurrentUpdateException("run " + key + " is no longer current");
      }
      insertEvents(c, key, commit.events());
      insertTasks(c, key, commit.tasks());
      if (commit.next() != null) {
        insert(c, commit.next());
      }
    });
  }

  /** The version-guarded UPDATE; no row changed means the run is unknown or another writer won. */
  private static void guardedUpdate(Connection c, Commit commit, ExecutionKey key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(ExecutionRows.UPDATE_IF_VERSION)) {
      ExecutionRows.bindUpdate(s, commit.record(), commit.expectedVersion());
      if (s.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "SELECT version FROM executions WHERE workflow_id = ? AND run_id = ?")) {
      s.setString(1, key.workflowId());
      s.setString(2, key.runId());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no run " + key);
        }
        throw new ConcurrentUpdateException("run " + key + " is at version " + rs.getLong(1) + ", not "
            + commit.expectedVersion());
      }
    }
  }

  private void insert(Connection c, Commit.NewRun run) throws SQLException {
    ExecutionKey key = run.record().key();
    try (PreparedStatement s = c.prepareStatement(ExecutionRows.INSERT_IF_ABSENT)) {
      ExecutionRows.bindInsert(s, run.record());
      if (s.executeUpdate() == 0) {
        throw new ConcurrentUpdateException("run " + key + " exists");
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO current_runs (workflow_id, run_id) VALUES (?, ?)"
            + " ON CONFLICT (workflow_id) DO UPDATE SET run_id = excluded.run_id")) {
      s.setString(1, key.workflowId());
      s.setString(2, key.runId());
      s.executeUpdate();
    }
    insertEvents(c, key, run.events());
    insertTasks(c, key, run.tasks());
  }

  private static void insertEvents(Connection c, ExecutionKey key, List<HistoryEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO events (workflow_id, run_id, event_id, event) VALUES (?, ?, ?, ?)")) {
      for (HistoryEvent e : events) {
        s.setString(1, key.workflowId());
        s.setString(2, key.runId());
        s.setLong(3, e.eventId());
        s.setString(4, HistoryJson.toJson(e));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** A task id is unique within its run; committing it again replaces it, as the reference store does. */
  private void insertTasks(Connection c, ExecutionKey key, List<OutboxTask> tasks) throws SQLException {
    if (tasks.isEmpty()) {
      return;
    }
    long now = EpochNanos.of(clock.instant());
    try (PreparedStatement s = c.prepareStatement(
        "INSERT OR REPLACE INTO outbox (workflow_id, run_id, task_id, committed_at, task) VALUES (?, ?, ?, ?, ?)")) {
      for (OutboxTask t : tasks) {
        s.setString(1, key.workflowId());
        s.setString(2, key.runId());
        s.setString(3, t.id());
        s.setLong(4, now);
        s.setString(5, StoreJson.taskToJson(t));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  @Override
  public void markSent(ExecutionKey key, Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return;
    }
    inTransaction("markSent", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM outbox WHERE workflow_id = ? AND run_id = ? AND task_id = ?")) {
        for (String id : taskIds) {
          s.setString(1, key.workflowId());
          s.setString(2, key.runId());
          s.setString(3, id);
          s.addBatch();
        }
        s.executeBatch();
      }
    });
  }

  // ------------------------------------------------------------------ reads

  @Override
  public Optional<ExecutionRecord> get(ExecutionKey key) {
    return read("get", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT " + ExecutionRows.COLUMNS + " FROM executions WHERE workflow_id = ? AND run_id = ?")) {
        s.setString(1, key.workflowId());
        s.setString(2, key.runId());
        return one(s);
      }
    });
  }

  @Override
  public Optional<ExecutionRecord> getCurrent(String workflowId) {
    return read("getCurrent", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + qualified("e") + " FROM current_runs r"
          + " JOIN executions e ON e.workflow_id = r.workflow_id AND e.run_id = r.run_id WHERE r.workflow_id = ?")) {
        s.setString(1, workflowId);
        return one(s);
      }
    });
  }

  @Override
  public List<HistoryEvent> readHistory(ExecutionKey key, long fromEventId, int maxEvents) {
    return read("readHistory", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT event FROM events"
          + " WHERE workflow_id = ? AND run_id = ? AND event_id >= ? ORDER BY event_id LIMIT ?")) {
        s.setString(1, key.workflowId());
        s.setString(2, key.runId());
        s.setLong(3, fromEventId);
        s.setInt(4, Math.max(0, maxEvents));
        List<HistoryEvent> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(HistoryJson.eventFromJson(rs.getString(1)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public ExecutionPage list(ListQuery query) {
    int size = query.pageSize() <= 0 ? DEFAULT_PAGE_SIZE : query.pageSize();
    PageToken after = query.pageToken() == null ? null : PageToken.decode(query.pageToken());
    return read("list", c -> ExecutionListing.page(c, query, after, size));
  }

  @Override
  public List<UnsentTask> findUnsentTasks(Instant committedBefore, int limit) {
    return read("findUnsentTasks", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT workflow_id, run_id, committed_at, task FROM outbox"
          + " WHERE committed_at < ? ORDER BY committed_at, rowid LIMIT ?")) {
        s.setLong(1, EpochNanos.of(committedBefore));
        s.setInt(2, Math.max(0, limit));
        List<UnsentTask> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new UnsentTask(new ExecutionKey(rs.getString(1), rs.getString(2)),
                StoreJson.taskFromJson(rs.getString(4)), EpochNanos.toInstant(rs.getLong(3))));
          }
        }
        return out;
      }
    });
  }

  private static String currentRunId(Connection c, String workflowId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT run_id FROM current_runs WHERE workflow_id = ?")) {
      s.setString(1, workflowId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** The id of the run's last stored event, 0 when it has none. */
  private static long lastEventId(Connection c, ExecutionKey key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT COALESCE(MAX(event_id), 0) FROM events WHERE workflow_id = ? AND run_id = ?")) {
      s.setString(1, key.workflowId());
      s.setString(2, key.runId());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Optional<ExecutionRecord> one(PreparedStatement s) throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.of(ExecutionRows.read(rs)) : Optional.empty();
    }
  }

  static String qualified(String alias) {
    return alias + "." + ExecutionRows.COLUMNS.replace(", ", ", " + alias + ".");
  }

  // ------------------------------------------------------------------ connections and transactions

  @FunctionalInterface
  private interface Work {
    void run(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface Query<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in one IMMEDIATE transaction: all of it is committed, or none of it. */
  private void inTransaction(String operation, Work work) {
    Connection c = borrow(operation);
    try {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    } finally {
      pool.giveBack(c);
    }
  }

  /** Runs a read in autocommit mode: each statement sees one consistent snapshot without a write lock. */
  private <T> T read(String operation, Query<T> query) {
    Connection c = borrow(operation);
    try {
      return query.run(c);
    } catch (SQLException e) {
      throw failure(operation, e);
    } finally {
      pool.giveBack(c);
    }
  }

  private Connection borrow(String operation) {
    try {
      return pool.borrow();
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  private SqliteStoreException failure(String operation, SQLException e) {
    return new SqliteStoreException(operation + " on " + file + " failed: " + e.getMessage(), e);
  }

  /** Closes the connections; the file stays. */
  @Override
  public void close() {
    pool.close();
  }
}
