package dev.cairn.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import dev.cairn.samples.SampleWorkers;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API as API Gateway's REST proxy integration calls it, on the in-memory store. */
class ApiHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final List<OutboxTask> sent = new ArrayList<>();
  private ApiHandler handler;

  @BeforeEach
  void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    CairnRuntime runtime = CairnRuntime.newBuilder()
        .setStore(new InMemoryHistoryStore(clock))
        .setDispatcher(sent::addAll)
        .setClock(clock)
        .setDefaultTaskQueue(SampleWorkers.TASK_QUEUE)
        .registerWorkers(r -> SampleWorkers.register(new Worker(SampleWorkers.TASK_QUEUE, WorkerOptions.getDefaultInstance(), r)))
        .build();
    handler = new ApiHandler(runtime);
  }

  private APIGatewayProxyResponseEvent call(String method, String path, Map<String, String> query, String body) {
    return handler.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path)
        .withQueryStringParameters(query).withBody(body), null);
  }

  private static JsonNode json(APIGatewayProxyResponseEvent r) throws Exception {
    return JSON.readTree(r.getBody());
  }

  private APIGatewayProxyResponseEvent startHello() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/events/api-start-hello.json")) {
      return handler.handleRequest(JSON.readValue(in, APIGatewayProxyRequestEvent.class), null);
    }
  }

  @Test
  void start_shouldAnswer201WithIdsAndQueueADecision_whenGatewaySendsStart() throws Exception {
    APIGatewayProxyResponseEvent r = startHello();

    assertEquals(201, r.getStatusCode(), r.getBody());
    assertEquals("application/json", r.getHeaders().get("Content-Type"));
    JsonNode body = json(r);
    assertEquals("hello-1", body.get("workflowId").asText());
    assertTrue(body.get("runId").asText().length() > 8);
    assertEquals(1, sent.size());
    assertTrue(sent.get(0).task() instanceof Task.DecisionTask);
  }

  @Test
  void describe_shouldShowRunningRunWithItsInput_whenStarted() throws Exception {
    startHello();
    JsonNode d = json(call("GET", "/workflows/hello-1", null, null));

    assertEquals("RUNNING", d.get("status").asText());
    assertEquals("GreetingWorkflow", d.get("workflowType").asText());
    assertEquals("[\"World\"]", d.get("input").toString());
    assertEquals(1, d.get("historyLength").asInt());
    assertEquals(0, d.get("pendingActivities").size());
  }

  @Test
  void start_shouldAnswer409_whenRunWithIdIsOpen() throws Exception {
    startHello();
    APIGatewayProxyResponseEvent r = startHello();

    assertEquals(409, r.getStatusCode());
    assertEquals("ALREADY_STARTED", json(r).get("error").asText());
  }

  @Test
  void start_shouldAnswer400NamingTheField_whenBodyIsWrong() throws Exception {
    assertBadRequest(call("POST", "/workflows", null, "{not json"), "not valid JSON");
    assertBadRequest(call("POST", "/workflows", null, "{}"), "\"workflowType\" is required");
    assertBadRequest(call("POST", "/workflows", null, "{\"workflowType\":\"X\",\"input\":\"World\"}"), "JSON array");
    assertBadRequest(call("POST", "/workflows", null, "{\"workflowType\":\"X\",\"startDelay\":\"10s\"}"), "ISO-8601");
    assertBadRequest(call("POST", "/workflows", null, "{\"workflowType\":\"X\",\"workflowIdReusePolicy\":\"SOMETIMES\"}"),
        "workflowIdReusePolicy");
    assertBadRequest(call("POST", "/workflows", null, "{\"workflowType\":\"X\",\"workflowID\":\"a\"}"), "unknown field \"workflowID\"");
    assertTrue(sent.isEmpty(), "nothing started");
  }

  private static void assertBadRequest(APIGatewayProxyResponseEvent r, String expected) throws Exception {
    assertEquals(400, r.getStatusCode(), r.getBody());
    JsonNode body = json(r);
    assertEquals("INVALID_ARGUMENT", body.get("error").asText());
    assertTrue(body.get("message").asText().contains(expected), body.get("message").asText());
  }

  @Test
  void describe_shouldAnswer404_whenWorkflowUnknown() throws Exception {
    APIGatewayProxyResponseEvent r = call("GET", "/workflows/nobody", null, null);
    assertEquals(404, r.getStatusCode());
    assertEquals("NOT_FOUND", json(r).get("error").asText());
    assertEquals(404, call("POST", "/workflows/nobody/cancel", null, null).getStatusCode());
  }

  @Test
  void terminate_shouldCloseRunWithReason_andRefuseSecondTimeWith409() throws Exception {
    startHello();
    assertEquals(202, call("POST", "/workflows/hello-1/terminate", null, "{\"reason\":\"wrong customer\"}").getStatusCode());

    JsonNode d = json(call("GET", "/workflows/hello-1", null, null));
    assertEquals("TERMINATED", d.get("status").asText());
    assertEquals("wrong customer", d.get("terminationReason").asText());
    APIGatewayProxyResponseEvent again = call("POST", "/workflows/hello-1/terminate", null, "{}");
    assertEquals(409, again.getStatusCode());
    assertEquals("WORKFLOW_CLOSED", json(again).get("error").asText());
  }

  @Test
  void history_shouldListEventsInOrder_andPage() throws Exception {
    startHello();
    call("POST", "/workflows/hello-1/signals/poke", null, "[1]");
    call("POST", "/workflows/hello-1/cancel", null, null);

    JsonNode page1 = json(call("GET", "/workflows/hello-1/history", Map.of("pageSize", "2"), null));
    assertEquals(2, page1.get("events").size());
    assertEquals("WorkflowExecutionStarted", page1.get("events").get(0).get("eventType").asText());
    assertEquals("[\"World\"]", page1.get("events").get(0).get("attributes").get("input").toString());
    JsonNode page2 = json(call("GET", "/workflows/hello-1/history",
        Map.of("pageSize", "2", "nextPageToken", page1.get("nextPageToken").asText()), null));
    assertEquals(3, page2.get("events").get(0).get("eventId").asInt());
    assertEquals("WorkflowExecutionCancelRequested", page2.get("events").get(0).get("eventType").asText());
    assertTrue(page2.get("nextPageToken").isNull());
  }

  @Test
  void list_shouldFilterByTypeAndStatus_newestFirst() throws Exception {
    startHello();
    call("POST", "/workflows", null, "{\"workflowType\":\"TripBookingWorkflow\",\"workflowId\":\"trip-1\",\"input\":[\"Trip1\"]}");
    call("POST", "/workflows/trip-1/terminate", null, "{}");

    JsonNode all = json(call("GET", "/workflows", null, null));
    assertEquals(2, all.get("executions").size());
    JsonNode running = json(call("GET", "/workflows", Map.of("status", "RUNNING"), null));
    assertEquals(1, running.get("executions").size());
    assertEquals("hello-1", running.get("executions").get(0).get("workflowId").asText());
    JsonNode trips = json(call("GET", "/workflows", Map.of("workflowType", "TripBookingWorkflow"), null));
    assertEquals("TERMINATED", trips.get("executions").get(0).get("status").asText());
    assertEquals(400, call("GET", "/workflows", Map.of("status", "SLEEPING"), null).getStatusCode());
  }

  @Test
  void list_shouldShowEachRunsMemoExecutionTimeAndHistoryLength_whenRunsWereStartedWithThem() throws Exception {
    call("POST", "/workflows", null, "{\"workflowType\":\"TripBookingWorkflow\",\"workflowId\":\"trip-2\","
        + "\"input\":[\"Trip2\"],\"startDelay\":\"PT30M\",\"memo\":{\"owner\":\"travel\"}}");

    JsonNode entry = json(call("GET", "/workflows", Map.of("workflowType", "TripBookingWorkflow"), null))
        .get("executions").get(0);
    JsonNode described = json(call("GET", "/workflows/trip-2", null, null));

    assertEquals("2026-11-26T10:30:00Z", entry.get("executionTime").asText(), entry.toString());
    assertEquals("travel", entry.get("memo").get("owner").asText());
    assertEquals(described.get("historyLength").asLong(), entry.get("historyLength").asLong());
    assertTrue(entry.get("historyLength").asLong() > 0);
    assertTrue(!entry.has("parentExecution"), "a client started it");
    assertEquals("2026-11-26T10:30:00Z", described.get("executionTime").asText());
  }

  @Test
  void routes_shouldAnswer405And404_whenMethodOrPathUnknown() throws Exception {
    assertEquals(405, call("DELETE", "/workflows", null, null).getStatusCode());
    assertEquals(404, call("GET", "/nothing-here", null, null).getStatusCode());
    assertEquals(404, call("POST", "/workflows/x/queries/status", null, "[]").getStatusCode());
  }

  @Test
  void activities_shouldAnswer400_whenTokenIsNotCairns() throws Exception {
    APIGatewayProxyResponseEvent r = call("POST", "/activities/complete", null, "{\"taskToken\":\"bm9wZQ==\",\"result\":1}");
    assertEquals(400, r.getStatusCode(), r.getBody());
    assertTrue(json(r).get("message").asText().contains("task token"));
  }
}
