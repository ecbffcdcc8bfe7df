package dev.cairn.internal.store.sqlite;

import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore.ExecutionPage;
import dev.cairn.internal.store.HistoryStore.ListQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of {@code list}: newest first (start time descending, then workflow id and run id
 * ascending, as the reference store sorts), status and type filtered in SQL on their indexes,
 * keyset-paged from the previous page's last row. Search attributes are compared in Java while the
 * cursor walks the index, with the reference store's rule (equal as strings), so a number and its
 * text match the same way in every store.
 */
final class ExecutionListing {
  private ExecutionListing() {}

  static ExecutionPage page(Connection c, ListQuery q, PageToken after, int size) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ").append(ExecutionRows.COLUMNS).append(" FROM executions WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.status() != null) {
      sql.append(" AND status = ?");
      args.add(q.status().name());
    }
    if (q.workflowType() != null) {
      sql.append(" AND workflow_type = ?");
      args.add(q.workflowType());
    }
    if (after != null) {
      // The first term bounds the index range; the second skips the rows up to and including the token's.
      sql.append(" AND start_time <= ? AND (start_time < ? OR (start_time = ?"
          + " AND (workflow_id > ? OR (workflow_id = ? AND run_id > ?))))");
      args.addAll(List.of(after.startTimeNanos(), after.startTimeNanos(), after.startTimeNanos(),
          after.workflowId(), after.workflowId(), after.runId()));
    }
    sql.append(" ORDER BY start_time DESC, workflow_id, run_id");
    boolean filterAttributes = q.searchAttributes() != null && !q.searchAttributes().isEmpty();
    if (!filterAttributes) {
      sql.append(" LIMIT ?");
      args.add(size + 1);
    }
    List<ExecutionRecord> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        s.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        // One row past the page tells whether another page exists.
        while (rows.size() <= size && rs.next()) {
          ExecutionRecord r = ExecutionRows.read(rs);
          if (!filterAttributes || matches(r, q.searchAttributes())) {
            rows.add(r);
          }
        }
      }
    }
    if (rows.size() <= size) {
      return new ExecutionPage(List.copyOf(rows), null);
    }
    ExecutionRecord last = rows.get(size - 1);
    String token = new PageToken(EpochNanos.of(last.startTime()), last.key().workflowId(), last.key().runId()).encode();
    return new ExecutionPage(List.copyOf(rows.subList(0, size)), token);
  }

  private static boolean matches(ExecutionRecord r, Map<String, Object> wanted) {
    return wanted.entrySet().stream().allMatch(e ->
        Objects.equals(String.valueOf(r.searchAttributes().get(e.getKey())), String.valueOf(e.getValue())));
  }
}
