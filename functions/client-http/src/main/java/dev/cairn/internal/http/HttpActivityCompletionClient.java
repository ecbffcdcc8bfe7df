package dev.cairn.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.ActivityCanceledException;
import dev.cairn.client.ActivityCompletionClient;
import dev.cairn.client.ActivityNotExistsException;
import dev.cairn.common.converter.Payloads;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.TemporalFailure;
import java.util.Base64;
import java.util.Optional;

/**
 * Completes async activities by task token through {@code POST /activities/{complete,fail,heartbeat,cancel}}
 * (docs/http-api.md): the same answers as the in-process client, status by status.
 */
final class HttpActivityCompletionClient implements ActivityCompletionClient {
  private final HttpWorkflowClient client;

  HttpActivityCompletionClient(HttpWorkflowClient client) {
    this.client = client;
  }

  @Override
  public <R> void complete(byte[] taskToken, R result) {
    send("complete", body(taskToken).set("result", value(result)));
  }

  /**
   * The API takes a failure's message, type and whether it may be retried: an ApplicationFailure keeps
   * its own; any other exception is named by its class, as Temporal names it.
   */
  @Override
  public void completeExceptionally(byte[] taskToken, Exception result) {
    ObjectNode body = body(taskToken);
    ObjectNode failure = body.putObject("failure");
    if (result instanceof ApplicationFailure af) {
      failure.put("message", af.getOriginalMessage()).put("type", af.getType()).put("nonRetryable", af.isNonRetryable());
    } else {
      String message = result instanceof TemporalFailure tf ? tf.getOriginalMessage() : result.getMessage();
      failure.put("message", message == null ? "" : message).put("type", result.getClass().getName());
    }
    send("fail", body);
  }

  @Override
  public <V> void reportCancellation(byte[] taskToken, V details) {
    send("cancel", body(taskToken).set("details", value(details)));
  }

  /** @throws ActivityCanceledException when the workflow asked to cancel the activity, as Temporal's client */
  @Override
  public <V> void heartbeat(byte[] taskToken, V details) {
    ApiResponse r = send("heartbeat", body(taskToken).set("details", value(details)));
    if (r.body().path("cancelRequested").asBoolean(false)) {
      throw new ActivityCanceledException();
    }
  }

  private ApiResponse send(String action, JsonNode body) {
    ApiResponse r = client.api.post("/activities/" + action, body);
    if (r.status() == 404) {
      throw new ActivityNotExistsException(new IllegalStateException(r.message()));
    }
    if (r.status() == 409 && "ACTIVITY_NOT_CANCEL_REQUESTED".equals(r.errorCode())) {
      throw new IllegalStateException(r.message());
    }
    HttpWorkflowStub.requireOk(r, null);
    return r;
  }

  private static ObjectNode body(byte[] taskToken) {
    if (taskToken == null || taskToken.length == 0) {
      throw new IllegalArgumentException("a task token is required: the bytes of ActivityExecutionContext.getTaskToken()");
    }
    return HttpApi.JSON.createObjectNode().put("taskToken", Base64.getEncoder().encodeToString(taskToken));
  }

  /** One value as the API takes it: the JSON the data converter makes of it (null for none). */
  private JsonNode value(Object v) {
    Optional<Payloads> p = client.dataConverter.toPayloads(v);
    JsonNode array = p.map(x -> (JsonNode) HttpApi.JSON.valueToTree(x)).orElse(null);
    return array == null || array.isEmpty() ? HttpApi.JSON.nullNode() : array.get(0);
  }
}
