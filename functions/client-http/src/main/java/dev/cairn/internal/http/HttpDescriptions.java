package dev.cairn.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.api.workflow.v1.PendingActivityInfo;
import dev.cairn.client.WorkflowExecutionDescription;
import dev.cairn.client.WorkflowExecutionMetadata;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payload;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.SearchAttributeMaps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's list entries and describe bodies (docs/http-api.md) as the client's metadata and description. */
final class HttpDescriptions {
  private HttpDescriptions() {}

  static WorkflowExecutionMetadata metadata(JsonNode n, DataConverter dataConverter) {
    WorkflowExecution execution = WorkflowExecution.newBuilder().setWorkflowId(n.path("workflowId").asText())
        .setRunId(n.path("runId").asText("")).build();
    JsonNode parent = n.path("parentExecution");
    WorkflowExecution parentExecution = parent.isObject()
        ? WorkflowExecution.newBuilder().setWorkflowId(parent.path("workflowId").asText())
            .setRunId(parent.path("runId").asText("")).build()
        : null;
    return new WorkflowExecutionMetadata(execution, text(n, "workflowType"), text(n, "taskQueue"),
        WorkflowExecutionStatus.fromShortName(n.path("status").asText()), instant(n, "startTime"),
        instant(n, "executionTime"), instant(n, "closeTime"), n.path("historyLength").asLong(), parentExecution,
        memo(n.path("memo")), SearchAttributeMaps.toTyped(searchAttributes(n.path("searchAttributes"))), dataConverter);
  }

  static WorkflowExecutionDescription description(JsonNode n, DataConverter dataConverter) {
    List<PendingActivityInfo> pending = new ArrayList<>();
    n.path("pendingActivities").forEach(a -> pending.add(new PendingActivityInfo(a.path("activityId").asText(),
        text(a, "activityType"), a.path("attempt").asInt(1), read(a.get("lastFailure"), Failure.class),
        instant(a, "nextAttemptTime"), a.path("cancelRequested").asBoolean(false),
        a.hasNonNull("heartbeatDetails") ? payloads(a.get("heartbeatDetails")) : null)));
    return new WorkflowExecutionDescription(metadata(n, dataConverter), pending);
  }

  private static Map<String, Payload> memo(JsonNode memo) {
    Map<String, Payload> out = new LinkedHashMap<>();
    memo.fields().forEachRemaining(e -> out.put(e.getKey(), read(e.getValue(), Payload.class)));
    return out;
  }

  /** JSON numbers as Long or Double and arrays as lists, as the stores keep them; typed on reading. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> searchAttributes(JsonNode attrs) {
    return attrs.isObject() ? HttpApi.JSON.convertValue(attrs, LinkedHashMap.class) : Map.of();
  }

  /** The API shows heartbeat details as their one value: a payloads array of it. */
  private static Payloads payloads(JsonNode value) {
    return read(HttpApi.JSON.createArrayNode().add(value), Payloads.class);
  }

  private static <T> T read(JsonNode node, Class<T> type) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    try {
      return HttpApi.JSON.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read " + node + " as " + type.getSimpleName(), e);
    }
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static Instant instant(JsonNode n, String field) {
    return n.hasNonNull(field) ? Instant.parse(n.get(field).asText()) : null;
  }
}
