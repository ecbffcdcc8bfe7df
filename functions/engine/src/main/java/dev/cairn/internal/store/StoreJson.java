package dev.cairn.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.internal.history.HistoryJson;
import java.io.UncheckedIOException;

/**
 * The JSON forms of what stores and queues keep besides events: a run's record and a task. Both use
 * the history mapper, so payloads, failures, durations and enums read as they do in history.
 *
 * <p>A task message ({@link #taskToJson}) is the body of every SQS message Cairn sends; it is plain,
 * versioned JSON ({@code "v": 1}, documented in docs/task-messages.md) so that a worker in another
 * language can serve a queue later without a format change.
 */
public final class StoreJson {
  /** Version of the task message and record formats; fields are only added within a version. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = HistoryJson.mapper();

  private StoreJson() {}

  public static String recordToJson(ExecutionRecord record) {
    return write(record);
  }

  public static ExecutionRecord recordFromJson(String json) {
    return read(json, ExecutionRecord.class);
  }

  /** A run's outstanding state alone (what a store keeps beside status and version). */
  public static String stateToJson(ExecutionState state) {
    return write(state);
  }

  public static ExecutionState stateFromJson(String json) {
    return read(json, ExecutionState.class);
  }

  /** The message form of a committed task: {@code {"v":1,"id":..,"visibleAt":..,"task":{"type":..}}}. */
  public static String taskToJson(OutboxTask task) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("v", VERSION);
    node.put("id", task.id());
    node.set("visibleAt", MAPPER.valueToTree(task.visibleAt()));
    node.set("task", MAPPER.valueToTree(task.task()));
    return write(node);
  }

  /** @throws IllegalArgumentException for a message that is not a Cairn task of a known version */
  public static OutboxTask taskFromJson(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a Cairn task message: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject() || !node.has("task")) {
      throw new IllegalArgumentException("not a Cairn task message: no \"task\"");
    }
    int v = node.path("v").asInt(-1);
    if (v != VERSION) {
      throw new IllegalArgumentException("task message version " + v + " is not supported (this build reads " + VERSION + ")");
    }
    try {
      return new OutboxTask(node.path("id").asText(), MAPPER.treeToValue(node.get("task"), Task.class),
          MAPPER.treeToValue(node.get("visibleAt"), java.time.Instant.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed Cairn task message: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
