package dev.cairn.internal.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.StoreJson;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;

/** Maps an {@link ExecutionRecord} to a row of {@code executions} and back. */
final class ExecutionRows {
  /** The columns {@link #read} expects, in order. */
  static final String COLUMNS = "workflow_id, run_id, workflow_type, task_queue, status, start_time, close_time,"
      + " version, last_event_id, search_attributes, state";

  /** Inserts a new run; changes no row when the run exists already. */
  static final String INSERT_IF_ABSENT = "INSERT INTO executions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (workflow_id, run_id) DO NOTHING";

  /** Replaces everything that may change, only if the version is still the expected one (last parameter). */
  static final String UPDATE_IF_VERSION = "UPDATE executions SET workflow_type = ?, task_queue = ?, status = ?,"
      + " start_time = ?, close_time = ?, version = ?, last_event_id = ?, search_attributes = ?, state = ?"
      + " WHERE workflow_id = ? AND run_id = ? AND version = ?";

  private static final ObjectMapper MAPPER = HistoryJson.mapper();
  private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {};

  private ExecutionRows() {}

  static void bindInsert(PreparedStatement s, ExecutionRecord r) throws SQLException {
    s.setString(1, r.key().workflowId());
    s.setString(2, r.key().runId());
    bindMutable(s, 3, r);
  }

  static void bindUpdate(PreparedStatement s, ExecutionRecord r, long expectedVersion) throws SQLException {
    int next = bindMutable(s, 1, r);
    s.setString(next, r.key().workflowId());
    s.setString(next + 1, r.key().runId());
    s.setLong(next + 2, expectedVersion);
  }

  /** Binds workflow_type .. state from {@code first} on; returns the next free index. */
  private static int bindMutable(PreparedStatement s, int first, ExecutionRecord r) throws SQLException {
    int i = first;
    s.setString(i++, r.workflowType());
    s.setString(i++, r.taskQueue());
    s.setString(i++, r.status().name());
    s.setLong(i++, EpochNanos.of(r.startTime()));
    if (r.closeTime() == null) {
      s.setNull(i++, Types.INTEGER);
    } else {
      s.setLong(i++, EpochNanos.of(r.closeTime()));
    }
    s.setLong(i++, r.version());
    s.setLong(i++, r.lastEventId());
    s.setString(i++, write(r.searchAttributes()));
    s.setString(i++, r.state() == null ? null : StoreJson.stateToJson(r.state()));
    return i;
  }

  /** Reads a row selected with {@link #COLUMNS}. */
  static ExecutionRecord read(ResultSet rs) throws SQLException {
    long close = rs.getLong(7);
    Instant closeTime = rs.wasNull() ? null : EpochNanos.toInstant(close);
    String state = rs.getString(11);
    return new ExecutionRecord(
        new ExecutionKey(rs.getString(1), rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        WorkflowExecutionStatus.valueOf(rs.getString(5)),
        EpochNanos.toInstant(rs.getLong(6)),
        closeTime,
        rs.getLong(8),
        rs.getLong(9),
        readAttributes(rs.getString(10)),
        state == null ? null : StoreJson.stateFromJson(state));
  }

  private static Map<String, Object> readAttributes(String json) {
    try {
      return MAPPER.readValue(json, ATTRIBUTES);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Map<String, Object> attributes) {
    try {
      return MAPPER.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
