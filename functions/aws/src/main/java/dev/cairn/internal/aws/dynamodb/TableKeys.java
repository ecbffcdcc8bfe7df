package dev.cairn.internal.aws.dynamodb;

import dev.cairn.internal.store.ExecutionKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The item keys of the Cairn table (template.yaml's CairnTable): attribute and index names, and how
 * each kind of item is keyed. Every execution has partitions of its own; see docs/stores.md.
 */
final class TableKeys {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String LIST_PK = "listPk";
  static final String LIST_SK = "listSk";
  static final String OUTBOX_PK = "outboxPk";
  static final String OUTBOX_AT = "outboxAt";
  static final String EXPIRES_AT = "expiresAt";
  static final String BY_START_INDEX = "ByStart";
  static final String OUTBOX_INDEX = "Outbox";

  static final String CURRENT_SK = "CURRENT";
  static final String EVENTS_FROM = "E#";
  /** Above every event sort key: the upper bound of a history query. */
  static final String EVENTS_TO = "E#~";

  // Fixed width, so that string order is time order (Instant.toString drops trailing zeros).
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private TableKeys() {}

  /** The workflow id's partition: its runs' records and its current-run pointer. */
  static String workflowPk(String workflowId) {
    return "WF#" + workflowId;
  }

  static String runSk(String runId) {
    return "RUN#" + runId;
  }

  /** One run's partition: its history chunks and its unsent tasks. */
  static String runPk(ExecutionKey key) {
    requireRunId(key.runId());
    return "H#" + key.workflowId() + "#" + key.runId();
  }

  /** A history chunk is keyed by its last event id, so {@code sk >= E#from} starts at the chunk holding {@code from}. */
  static String eventSk(long lastEventId) {
    return EVENTS_FROM + String.format("%019d", lastEventId);
  }

  static String outboxSk(String taskId) {
    return "O#" + taskId;
  }

  static String listPk(ExecutionKey key, int shards) {
    return "LIST#" + Math.floorMod((key.workflowId() + "#" + key.runId()).hashCode(), shards);
  }

  static String listPk(int shard) {
    return "LIST#" + shard;
  }

  static String listSk(Instant startTime, ExecutionKey key) {
    return sortable(startTime) + "#" + key.workflowId() + "#" + key.runId();
  }

  static String outboxPk(String taskId, int shards) {
    return outboxPk(Math.floorMod(taskId.hashCode(), shards));
  }

  static String outboxPk(int shard) {
    return "OUTBOX#" + shard;
  }

  static String sortable(Instant instant) {
    return SORTABLE.format(instant);
  }

  /** A run id ends the run partition key, so it must not contain its separator (engine run ids are UUIDs). */
  static void requireRunId(String runId) {
    if (runId.indexOf('#') >= 0) {
      throw new IllegalArgumentException("a run id must not contain '#': " + runId);
    }
  }
}
