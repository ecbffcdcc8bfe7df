package dev.cairn.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.store.Task;
import dev.cairn.internal.worker.TaskToken;
import java.util.Base64;

/**
 * {@code POST /activities/{complete|fail|heartbeat|cancel}}: async completion of an activity that
 * called {@code doNotCompleteOnReturn()}, by the task token it handed out (base64 of its bytes).
 */
public final class ActivityApi {
  private final WorkflowService service;
  private final DataConverter dataConverter;

  public ActivityApi(WorkflowService service, DataConverter dataConverter) {
    this.service = service;
    this.dataConverter = dataConverter;
  }

  ApiResponse handle(String action, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object with \"taskToken\"");
    }
    TaskToken token = token(body);
    boolean recorded;
    switch (action) {
      case "complete" -> recorded = service.completeActivity(token.key(), token.scheduledEventId(), token.attempt(),
          value(body.get("result")), "http-api");
      case "fail" -> {
        Task.ActivityTask task = service.pendingActivityTask(token.key(), token.scheduledEventId(), token.attempt())
            .orElseThrow(() -> stale(token));
        recorded = service.failActivity(token.key(), task, failure(body.get("failure")), "http-api");
      }
      case "heartbeat" -> {
        boolean cancelRequested = service.heartbeat(token.key(), token.scheduledEventId(), token.attempt(),
            value(body.get("details")));
        return new ApiResponse(202, JsonNodeFactory.instance.objectNode().put("cancelRequested", cancelRequested));
      }
      case "cancel" -> {
        try {
          recorded = service.reportActivityCanceled(token.key(), token.scheduledEventId(), token.attempt(),
              value(body.get("details")));
        } catch (WorkflowService.ActivityNotCancelRequestedException e) {
          throw new ApiException(409, "ACTIVITY_NOT_CANCEL_REQUESTED", e.getMessage());
        }
      }
      default -> throw ApiException.notFound("no activity action \"" + action + "\"; use complete, fail, heartbeat or cancel");
    }
    if (!recorded) {
      throw stale(token);
    }
    return new ApiResponse(202, null);
  }

  private static ApiException stale(TaskToken t) {
    return ApiException.notFound("activity attempt " + t.attempt() + " (scheduled by event " + t.scheduledEventId()
        + ") of workflow " + t.key().workflowId() + " is no longer running");
  }

  private static TaskToken token(JsonNode body) {
    JsonNode t = body.get("taskToken");
    if (t == null || !t.isTextual()) {
      throw ApiException.badRequest("\"taskToken\" is required: the base64 task token the activity got");
    }
    try {
      String s = t.asText();
      byte[] bytes = s.contains("-") || s.contains("_") ? Base64.getUrlDecoder().decode(s) : Base64.getDecoder().decode(s);
      return TaskToken.fromBytes(bytes);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw ApiException.badRequest("\"taskToken\" is not a Cairn task token");
    }
  }

  /** One value as the activity's single payload. */
  private Payloads value(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    return dataConverter.toPayloads(v).orElse(null);
  }

  private Failure failure(JsonNode f) {
    if (f == null || !f.isObject()) {
      throw ApiException.badRequest("\"failure\" is required: {\"message\", \"type\"?, \"nonRetryable\"?}");
    }
    String message = f.path("message").asText("");
    String type = f.hasNonNull("type") ? f.get("type").asText() : "AsyncActivityFailure";
    ApplicationFailure af = f.path("nonRetryable").asBoolean(false)
        ? ApplicationFailure.newNonRetryableFailure(message, type)
        : ApplicationFailure.newFailure(message, type);
    return dataConverter.exceptionToFailure(af);
  }
}
