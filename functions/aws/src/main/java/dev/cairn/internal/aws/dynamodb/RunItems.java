package dev.cairn.internal.aws.dynamodb;

import static dev.cairn.internal.aws.dynamodb.TableKeys.EXPIRES_AT;
import static dev.cairn.internal.aws.dynamodb.TableKeys.LIST_PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.LIST_SK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.SK;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.StoreJson;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A run's record as an item ({@code WF#<workflowId>}, {@code RUN#<runId>}), which the ByStart index lists. */
final class RunItems {
  static final String WORKFLOW_ID = "workflowId";
  static final String RUN_ID = "runId";
  static final String WORKFLOW_TYPE = "workflowType";
  static final String STATUS = "status";
  static final String VERSION = "version";
  static final String LAST_EVENT_ID = "lastEventId";

  private static final ObjectMapper MAPPER = HistoryJson.mapper();

  private RunItems() {}

  static Map<String, AttributeValue> key(ExecutionKey key) {
    return Map.of(PK, s(TableKeys.workflowPk(key.workflowId())), SK, s(TableKeys.runSk(key.runId())));
  }

  static Map<String, AttributeValue> currentKey(String workflowId) {
    return Map.of(PK, s(TableKeys.workflowPk(workflowId)), SK, s(TableKeys.CURRENT_SK));
  }

  /** The pointer to a workflow id's latest run. */
  static Map<String, AttributeValue> current(ExecutionKey key) {
    Map<String, AttributeValue> item = new HashMap<>(currentKey(key.workflowId()));
    item.put(RUN_ID, s(key.runId()));
    return item;
  }

  static Map<String, AttributeValue> toItem(ExecutionRecord r, int listShards, Long expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(r.key()));
    item.put(WORKFLOW_ID, s(r.key().workflowId()));
    item.put(RUN_ID, s(r.key().runId()));
    if (r.workflowType() != null) {
      item.put(WORKFLOW_TYPE, s(r.workflowType()));
    }
    if (r.taskQueue() != null) {
      item.put("taskQueue", s(r.taskQueue()));
    }
    item.put(STATUS, s(r.status().name()));
    item.put("startTime", s(r.startTime().toString()));
    if (r.closeTime() != null) {
      item.put("closeTime", s(r.closeTime().toString()));
    }
    item.put(VERSION, n(r.version()));
    item.put(LAST_EVENT_ID, n(r.lastEventId()));
    item.put("searchAttributes", s(writeJson(r.searchAttributes())));
    item.put("state", s(StoreJson.stateToJson(r.state())));
    item.put(LIST_PK, s(TableKeys.listPk(r.key(), listShards)));
    item.put(LIST_SK, s(TableKeys.listSk(r.startTime(), r.key())));
    if (expiresAt != null) {
      item.put(EXPIRES_AT, n(expiresAt));
    }
    return item;
  }

  static ExecutionRecord fromItem(Map<String, AttributeValue> item) {
    ExecutionKey key = new ExecutionKey(item.get(WORKFLOW_ID).s(), item.get(RUN_ID).s());
    return new ExecutionRecord(key, str(item, WORKFLOW_TYPE), str(item, "taskQueue"),
        WorkflowExecutionStatus.valueOf(item.get(STATUS).s()), Instant.parse(item.get("startTime").s()),
        item.containsKey("closeTime") ? Instant.parse(item.get("closeTime").s()) : null,
        Long.parseLong(item.get(VERSION).n()), Long.parseLong(item.get(LAST_EVENT_ID).n()),
        readSearchAttributes(item.get("searchAttributes").s()), StoreJson.stateFromJson(item.get("state").s()));
  }

  private static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  private static String writeJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> readSearchAttributes(String json) {
    try {
      return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
