package dev.cairn.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.enums.v1.WorkflowIdConflictPolicy;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.common.converter.Payload;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.service.StartRequest;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Reads the body of {@code POST /workflows}; every mistake is a 400 naming the field. */
final class StartBody {
  private static final Set<String> FIELDS = Set.of("workflowType", "workflowId", "taskQueue", "input",
      "workflowIdReusePolicy", "workflowIdConflictPolicy", "workflowExecutionTimeout", "workflowRunTimeout",
      "startDelay", "cronSchedule", "memo", "searchAttributes", "signal", "update");
  private static final Set<String> SIGNAL_FIELDS = Set.of("name", "input");
  private static final Set<String> UPDATE_FIELDS = Set.of("name", "input", "updateId");

  /** The update a start carries ({@code "update": {"name", "input", "updateId"?}}): update-with-start. */
  record StartUpdate(String name, Payloads input, String updateId) {}

  private StartBody() {}

  static StartRequest parse(JsonNode body, String defaultTaskQueue, Supplier<String> ids) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object with at least \"workflowType\"");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw ApiException.badRequest("unknown field \"" + f + "\"; known fields: " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
      }
    }
    String type = text(body, "workflowType");
    if (type == null || type.isBlank()) {
      throw ApiException.badRequest("\"workflowType\" is required");
    }
    if (body.hasNonNull("signal") && body.hasNonNull("update")) {
      throw ApiException.badRequest("a start carries \"signal\" (signal-with-start) or \"update\" (update-with-start),"
          + " not both");
    }
    JsonNode signal = operation(body, "signal", SIGNAL_FIELDS);
    String id = text(body, "workflowId");
    String taskQueue = text(body, "taskQueue");
    return new StartRequest(
        id == null || id.isBlank() ? ids.get() : id,
        type,
        taskQueue == null || taskQueue.isBlank() ? defaultTaskQueue : taskQueue,
        input(body.get("input")),
        enumValue(body, "workflowIdReusePolicy", WorkflowIdReusePolicy::fromShortName),
        enumValue(body, "workflowIdConflictPolicy", WorkflowIdConflictPolicy::fromShortName),
        duration(body, "workflowExecutionTimeout"),
        duration(body, "workflowRunTimeout"),
        duration(body, "startDelay"),
        text(body, "cronSchedule"),
        memo(body.get("memo")),
        searchAttributes(body.get("searchAttributes")),
        signal == null ? null : text(signal, "name"),
        signal == null ? null : operationInput(signal, "signal"));
  }

  /** The {@code "update"} of a start body, or null when it has none. */
  static StartUpdate update(JsonNode body) {
    JsonNode update = operation(body, "update", UPDATE_FIELDS);
    if (update == null) {
      return null;
    }
    String updateId = text(update, "updateId");
    return new StartUpdate(text(update, "name"), operationInput(update, "update"),
        updateId == null || updateId.isBlank() ? null : updateId);
  }

  /** {@code "signal"} or {@code "update"}: an object with a "name" and only the given fields. */
  private static JsonNode operation(JsonNode body, String field, Set<String> fields) {
    JsonNode op = body.get(field);
    if (op == null || op.isNull()) {
      return null;
    }
    if (!op.isObject()) {
      throw ApiException.badRequest("\"" + field + "\" must be a JSON object such as {\"name\": \"...\", \"input\": [...]}");
    }
    for (Iterator<String> it = op.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!fields.contains(f)) {
        throw ApiException.badRequest("unknown field \"" + field + "." + f + "\"; known fields: "
            + String.join(", ", new java.util.TreeSet<>(fields)));
      }
    }
    String name;
    try {
      name = text(op, "name");
    } catch (ApiException e) {
      throw ApiException.badRequest("\"" + field + ".name\" must be a string");
    }
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("\"" + field + ".name\" is required");
    }
    return op;
  }

  private static Payloads operationInput(JsonNode op, String field) {
    try {
      return payloads(op.get("input"));
    } catch (ApiException e) {
      throw ApiException.badRequest("\"" + field + ".input\": " + e.getMessage());
    }
  }

  /** The start's arguments; an error names the field. */
  private static Payloads input(JsonNode input) {
    try {
      return payloads(input);
    } catch (ApiException e) {
      throw ApiException.badRequest("\"input\": " + e.getMessage());
    }
  }

  /** A JSON array of arguments as payloads; absent or null is no argument. */
  static Payloads payloads(JsonNode input) {
    if (input == null || input.isNull()) {
      return null;
    }
    if (!input.isArray()) {
      throw ApiException.badRequest("arguments must be a JSON array, e.g. [\"World\"], got " + input.getNodeType());
    }
    try {
      return HistoryJson.mapper().treeToValue(input, Payloads.class);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("arguments cannot be read: " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw ApiException.badRequest("\"" + field + "\" must be a string");
    }
    return n.asText();
  }

  private static Duration duration(JsonNode body, String field) {
    String v = text(body, field);
    if (v == null) {
      return null;
    }
    try {
      Duration d = Duration.parse(v);
      if (d.isNegative()) {
        throw ApiException.badRequest("\"" + field + "\" must not be negative, got " + v);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("\"" + field + "\" must be an ISO-8601 duration such as PT30S, got \"" + v + "\"");
    }
  }

  private static <E> E enumValue(JsonNode body, String field, Function<String, E> parse) {
    String v = text(body, field);
    if (v == null) {
      return null;
    }
    try {
      return parse.apply(v);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("\"" + field + "\": " + e.getMessage());
    }
  }

  private static Map<String, Payload> memo(JsonNode memo) {
    if (memo == null || memo.isNull()) {
      return null;
    }
    if (!memo.isObject()) {
      throw ApiException.badRequest("\"memo\" must be a JSON object");
    }
    Map<String, Payload> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = memo.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        out.put(e.getKey(), HistoryJson.mapper().treeToValue(e.getValue(), Payload.class));
      } catch (JsonProcessingException ex) {
        throw ApiException.badRequest("memo \"" + e.getKey() + "\" cannot be read: " + ex.getOriginalMessage());
      }
    }
    return out;
  }

  private static Map<String, Object> searchAttributes(JsonNode attrs) {
    if (attrs == null || attrs.isNull()) {
      return null;
    }
    if (!attrs.isObject()) {
      throw ApiException.badRequest("\"searchAttributes\" must be a JSON object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      Object value;
      if (v.isTextual()) {
        value = v.asText();
      } else if (v.isIntegralNumber()) {
        value = v.asLong();
      } else if (v.isNumber()) {
        value = v.asDouble();
      } else if (v.isBoolean()) {
        value = v.asBoolean();
      } else {
        throw ApiException.badRequest("search attribute \"" + e.getKey() + "\" must be a string, number or boolean");
      }
      out.put(e.getKey(), value);
    }
    return out;
  }
}
