package dev.cairn.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.internal.api.ActivityApi;
import dev.cairn.internal.api.ApiRequest;
import dev.cairn.internal.api.ApiResponse;
import dev.cairn.internal.api.WorkflowApi;
import dev.cairn.internal.history.HistoryJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the HTTP API behind API Gateway's REST proxy integration (and the local runtime's server). */
public final class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
  private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");

  private final WorkflowApi api;

  /** Lambda's constructor: the runtime comes from the function's environment. */
  public ApiHandler() {
    this(CairnRuntime.fromEnvironment());
  }

  public ApiHandler(CairnRuntime runtime) {
    this(runtime, WorkflowApi.DEFAULT_UPDATE_WAIT);
  }

  /** With how long an update request waits for its handler before answering 202 with the update id. */
  public ApiHandler(CairnRuntime runtime, java.time.Duration updateWait) {
    this.api = new WorkflowApi(runtime.service(), new ActivityApi(runtime.service(), runtime.dataConverter()),
        runtime.defaultTaskQueue(), runtime.ids(), runtime.payloads().maxPayloadBytes(), updateWait);
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    ApiResponse response;
    try {
      String body = event.getBody();
      if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
        body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
      }
      response = api.handle(new ApiRequest(event.getHttpMethod(), event.getPath(), event.getQueryStringParameters(), body));
    } catch (RuntimeException e) {
      String requestId = context == null ? "-" : context.getAwsRequestId();
      log.error("request {} {} failed (request id {})", event.getHttpMethod(), event.getPath(), requestId, e);
      response = new ApiResponse(500, HistoryJson.mapper().createObjectNode().put("error", "INTERNAL")
          .put("message", "internal error; request id " + requestId));
    }
    return new APIGatewayProxyResponseEvent().withStatusCode(response.status()).withHeaders(JSON_HEADERS)
        .withBody(render(response));
  }

  private static String render(ApiResponse response) {
    if (response.body() == null) {
      return "";
    }
    try {
      return HistoryJson.mapper().writeValueAsString(response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
