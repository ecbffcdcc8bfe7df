package dev.cairn.internal.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of the store and their version. A new file gets the current schema; a file written by
 * a newer Cairn is refused rather than misread. Times are epoch nanoseconds (INTEGER) so that
 * {@link java.time.Instant}s round-trip exactly and sort as numbers.
 */
final class Schema {
  /** Bump on any change to the tables below, and add the migration from the previous version. */
  static final int CURRENT_VERSION = 1;

  private static final List<String> TABLES = List.of(
      "CREATE TABLE schema_version (version INTEGER NOT NULL)",
      """
      CREATE TABLE executions (
        workflow_id TEXT NOT NULL,
        run_id TEXT NOT NULL,
        workflow_type TEXT NOT NULL,
        task_queue TEXT,
        status TEXT NOT NULL,
        start_time INTEGER NOT NULL,
        close_time INTEGER,
        version INTEGER NOT NULL,
        last_event_id INTEGER NOT NULL,
        search_attributes TEXT NOT NULL,
        state TEXT,
        PRIMARY KEY (workflow_id, run_id))""",
      "CREATE INDEX executions_by_start ON executions (start_time DESC, workflow_id, run_id)",
      "CREATE INDEX executions_by_status ON executions (status, start_time DESC, workflow_id, run_id)",
      "CREATE INDEX executions_by_type ON executions (workflow_type, start_time DESC, workflow_id, run_id)",
      """
      CREATE TABLE current_runs (
        workflow_id TEXT NOT NULL PRIMARY KEY,
        run_id TEXT NOT NULL)""",
      """
      CREATE TABLE events (
        workflow_id TEXT NOT NULL,
        run_id TEXT NOT NULL,
        event_id INTEGER NOT NULL,
        event TEXT NOT NULL,
        PRIMARY KEY (workflow_id, run_id, event_id))""",
      """
      CREATE TABLE outbox (
        workflow_id TEXT NOT NULL,
        run_id TEXT NOT NULL,
        task_id TEXT NOT NULL,
        committed_at INTEGER NOT NULL,
        task TEXT NOT NULL,
        PRIMARY KEY (workflow_id, run_id, task_id))""",
      "CREATE INDEX outbox_by_committed_at ON outbox (committed_at)");

  private Schema() {}

  /**
   * Creates the tables in a new file, or checks the version of an existing one. Runs in one
   * IMMEDIATE transaction, so two processes opening a new file at once create it once.
   *
   * @throws SqliteStoreException when the file was written by a newer schema version
   */
  static void createOrCheck(Connection c, String file) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      Integer found = version(s);
      if (found == null) {
        for (String ddl : TABLES) {
          s.execute(ddl);
        }
        s.execute("INSERT INTO schema_version (version) VALUES (" + CURRENT_VERSION + ")");
      } else if (found > CURRENT_VERSION) {
        throw new SqliteStoreException("history store " + file + " has schema version " + found
            + ", written by a newer Cairn; this build reads schema version " + CURRENT_VERSION
            + " or older. Upgrade Cairn, or point it at another data directory.");
      } else if (found < 1) {
        throw new SqliteStoreException("history store " + file + " has an invalid schema version " + found);
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** The stored schema version, null for a file without Cairn's tables, 0 for an empty version table. */
  private static Integer version(Statement s) throws SQLException {
    try (ResultSet t = s.executeQuery(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'")) {
      if (!t.next()) {
        return null;
      }
    }
    try (ResultSet v = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      v.next();
      int version = v.getInt(1);
      return v.wasNull() ? 0 : version;
    }
  }
}
