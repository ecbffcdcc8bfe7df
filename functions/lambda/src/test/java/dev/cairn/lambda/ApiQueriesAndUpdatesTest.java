package dev.cairn.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionUpdateAccepted;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import dev.cairn.samples.SampleWorkers;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queries and updates through the API handler, with the decision and activity handlers consuming
 * what it dispatches on a background pool, as the queues would deliver it.
 */
class ApiQueriesAndUpdatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExecutorService queues = Executors.newFixedThreadPool(4);
  private final AtomicInteger messageIds = new AtomicInteger();
  private final List<OutboxTask> heldActivities = new ArrayList<>();
  private volatile boolean holdActivities;
  private CairnRuntime runtime;
  private ApiHandler api;

  @BeforeEach
  void setUp() {
    runtime = CairnRuntime.newBuilder()
        .setStore(new InMemoryHistoryStore(Clock.systemUTC()))
        .setDispatcher(tasks -> tasks.forEach(this::deliver))
        .setDefaultTaskQueue(SampleWorkers.TASK_QUEUE)
        .registerWorkers(r -> SampleWorkers.register(new Worker(SampleWorkers.TASK_QUEUE, WorkerOptions.getDefaultInstance(), r)))
        .build();
    api = new ApiHandler(runtime, Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() {
    queues.shutdownNow();
  }

  private synchronized void deliver(OutboxTask task) {
    if (holdActivities && task.task() instanceof Task.ActivityTask) {
      heldActivities.add(task);
      return;
    }
    queues.submit(() -> {
      var message = SqsEvents.delivery(task, "m" + messageIds.incrementAndGet(), runtime.clock().instant());
      switch (task.task()) {
        case Task.DecisionTask d -> new DecisionHandler(runtime).handleRequest(SqsEvents.batch(message), null);
        case Task.ActivityTask a -> new ActivityHandler(runtime).handleRequest(SqsEvents.batch(message), null);
        default -> { } // timers and timeout checks are not needed here
      }
    });
  }

  private synchronized void releaseActivities() {
    holdActivities = false;
    List<OutboxTask> held = new ArrayList<>(heldActivities);
    heldActivities.clear();
    held.forEach(this::deliver);
  }

  private APIGatewayProxyResponseEvent call(String method, String path, String body) {
    return api.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path).withBody(body), null);
  }

  private static JsonNode json(APIGatewayProxyResponseEvent r) throws Exception {
    return JSON.readTree(r.getBody());
  }

  private void start(String type, String id, String input) {
    APIGatewayProxyResponseEvent r = call("POST", "/workflows",
        "{\"workflowType\":\"" + type + "\",\"workflowId\":\"" + id + "\",\"input\":" + input + "}");
    assertEquals(201, r.getStatusCode(), r.getBody());
  }

  private List<HistoryEvent> history(String id) {
    return runtime.service().history(runtime.service().resolve(id, null));
  }

  @Test
  void query_shouldAnswer200WithTheHandlersResult_whenSignalsWereSentBefore() throws Exception {
    start("RollCallWorkflow", "api-roll-1", "[3]");
    assertEquals(202, call("POST", "/workflows/api-roll-1/signals/answer", "[\"Ann\"]").getStatusCode());
    assertEquals(202, call("POST", "/workflows/api-roll-1/signals/answer", "[\"Bob\"]").getStatusCode());

    APIGatewayProxyResponseEvent r = call("POST", "/workflows/api-roll-1/queries/answered", "[]");

    assertEquals(200, r.getStatusCode(), r.getBody());
    assertEquals(2, json(r).get("result").asInt());
  }

  @Test
  void query_shouldAnswer400WithTheKnownQueryTypes_whenTheQueryTypeIsUnknown() throws Exception {
    start("RollCallWorkflow", "api-roll-2", "[1]");

    APIGatewayProxyResponseEvent r = call("POST", "/workflows/api-roll-2/queries/absent", "[]");

    assertEquals(400, r.getStatusCode(), r.getBody());
    assertEquals("UNKNOWN_QUERY", json(r).get("error").asText());
    assertEquals("[\"answered\"]", json(r).get("knownQueryTypes").toString());
    assertEquals("Unknown query type: absent, knownTypes=[answered]", json(r).get("message").asText());
  }

  @Test
  void update_shouldAnswer200WithTheHandlersResult_whenTheHandlerRunsAnActivity() throws Exception {
    start("GuestbookWorkflow", "api-book-1", "[]");

    APIGatewayProxyResponseEvent r = call("POST", "/workflows/api-book-1/updates/sign", "[\"Ann\"]");

    assertEquals(200, r.getStatusCode(), r.getBody());
    assertEquals(1, json(r).get("result").asInt());
    assertTrue(json(r).get("updateId").asText().length() > 8);
  }

  @Test
  void update_shouldAnswer400UpdateRejectedAndRecordNothing_whenTheValidatorRejects() throws Exception {
    start("GuestbookWorkflow", "api-book-2", "[]");
    assertEquals(200, call("POST", "/workflows/api-book-2/updates/sign", "[\"Ann\"]").getStatusCode());
    int before = history("api-book-2").size();

    APIGatewayProxyResponseEvent r = call("POST", "/workflows/api-book-2/updates/sign", "[\"\"]");

    assertEquals(400, r.getStatusCode(), r.getBody());
    assertEquals("UPDATE_REJECTED", json(r).get("error").asText());
    assertEquals("a guest needs a name", json(r).get("failure").get("message").asText());
    assertEquals(before, history("api-book-2").size(), "a rejected update writes nothing");
  }

  @Test
  void update_shouldAnswer202ThenThePolledResult_whenTheHandlerOutlastsTheWait() throws Exception {
    api = new ApiHandler(runtime, Duration.ZERO);
    start("GuestbookWorkflow", "api-book-3", "[]");
    holdActivities = true; // the handler's activity waits until the test lets it run

    APIGatewayProxyResponseEvent accepted = call("POST", "/workflows/api-book-3/updates/sign", "[\"Ann\"]");

    assertEquals(202, accepted.getStatusCode(), accepted.getBody());
    String updateId = json(accepted).get("updateId").asText();
    assertEquals("ACCEPTED", json(accepted).get("status").asText());
    assertTrue(history("api-book-3").stream().anyMatch(e -> e.attributes() instanceof WorkflowExecutionUpdateAccepted));
    awaitHeldActivity();
    releaseActivities();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    APIGatewayProxyResponseEvent polled;
    do {
      polled = call("GET", "/workflows/api-book-3/updates/" + updateId, null);
    } while (polled.getStatusCode() == 202 && System.nanoTime() < deadline);
    assertEquals(200, polled.getStatusCode(), polled.getBody());
    assertEquals(1, json(polled).get("result").asInt());
    assertEquals(404, call("GET", "/workflows/api-book-3/updates/no-such-update", null).getStatusCode());
  }

  private JsonNode awaitClosed(String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonNode d;
    do {
      d = json(call("GET", "/workflows/" + id, null));
    } while (d.get("status").asText().equals("RUNNING") && System.nanoTime() < deadline);
    return d;
  }

  private long acceptedUpdates(String id) {
    return history(id).stream().filter(e -> e.attributes() instanceof WorkflowExecutionUpdateAccepted).count();
  }

  @Test
  void startWithSignal_shouldStartTheRunThenSignalTheOpenOne_whenSentTwice() throws Exception {
    String body = "{\"workflowType\":\"RollCallWorkflow\",\"workflowId\":\"api-sws-1\",\"input\":[2],"
        + "\"signal\":{\"name\":\"answer\",\"input\":[\"%s\"]}}";

    APIGatewayProxyResponseEvent first = call("POST", "/workflows", body.formatted("Ann"));
    APIGatewayProxyResponseEvent second = call("POST", "/workflows", body.formatted("Bob"));

    assertEquals(201, first.getStatusCode(), first.getBody());
    assertEquals(201, second.getStatusCode(), second.getBody());
    assertEquals(json(first).get("runId"), json(second).get("runId"), "the second signal reached the open run");
    JsonNode closed = awaitClosed("api-sws-1");
    assertEquals("COMPLETED", closed.get("status").asText(), closed.toString());
    assertEquals("[\"Ann\",\"Bob\"]", closed.get("result").toString());
  }

  @Test
  void startWithUpdate_shouldAnswer200WithTheRunAndResult_andReachTheOpenRunWithUseExisting() throws Exception {
    String body = "{\"workflowType\":\"GuestbookWorkflow\",\"workflowId\":\"api-uws-1\","
        + "\"workflowIdConflictPolicy\":\"USE_EXISTING\",\"update\":{\"name\":\"sign\",\"input\":[\"%s\"]}}";

    APIGatewayProxyResponseEvent first = call("POST", "/workflows", body.formatted("Ann"));
    APIGatewayProxyResponseEvent second = call("POST", "/workflows", body.formatted("Bob"));

    assertEquals(200, first.getStatusCode(), first.getBody());
    assertEquals("api-uws-1", json(first).get("workflowId").asText());
    assertEquals(1, json(first).get("result").asInt());
    assertTrue(json(first).get("updateId").asText().length() > 8);
    assertEquals(200, second.getStatusCode(), second.getBody());
    assertEquals(2, json(second).get("result").asInt());
    assertEquals(json(first).get("runId"), json(second).get("runId"));
  }

  @Test
  void startWithUpdate_shouldBeOneUpdate_whenRetriedWithTheSameUpdateId() throws Exception {
    String body = "{\"workflowType\":\"GuestbookWorkflow\",\"workflowId\":\"api-uws-2\","
        + "\"workflowIdConflictPolicy\":\"USE_EXISTING\","
        + "\"update\":{\"name\":\"sign\",\"input\":[\"Ann\"],\"updateId\":\"sign-ann\"}}";

    APIGatewayProxyResponseEvent first = call("POST", "/workflows", body);
    APIGatewayProxyResponseEvent retry = call("POST", "/workflows", body);
    APIGatewayProxyResponseEvent byRoute = api.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("POST")
        .withPath("/workflows/api-uws-2/updates/sign").withQueryStringParameters(java.util.Map.of("updateId", "sign-ann"))
        .withBody("[\"Ann\"]"), null);

    assertEquals(200, retry.getStatusCode(), retry.getBody());
    assertEquals("sign-ann", json(retry).get("updateId").asText());
    assertEquals(1, json(first).get("result").asInt());
    assertEquals(1, json(retry).get("result").asInt());
    assertEquals(1, json(byRoute).get("result").asInt(), byRoute.getBody());
    assertEquals(1, acceptedUpdates("api-uws-2"));
  }

  @Test
  void startWithUpdate_shouldAnswer400ButLeaveTheRunStarted_whenTheValidatorRejects() throws Exception {
    APIGatewayProxyResponseEvent r = call("POST", "/workflows", "{\"workflowType\":\"GuestbookWorkflow\","
        + "\"workflowId\":\"api-uws-3\",\"workflowIdConflictPolicy\":\"FAIL\","
        + "\"update\":{\"name\":\"sign\",\"input\":[\"\"]}}");

    assertEquals(400, r.getStatusCode(), r.getBody());
    assertEquals("UPDATE_REJECTED", json(r).get("error").asText());
    assertEquals("a guest needs a name", json(r).get("failure").get("message").asText());
    assertEquals("api-uws-3", json(r).get("workflowId").asText());
    JsonNode run = json(call("GET", "/workflows/api-uws-3", null));
    assertEquals("RUNNING", run.get("status").asText());
    assertEquals(json(r).get("runId"), run.get("runId"));
    assertEquals(0, acceptedUpdates("api-uws-3"));
  }

  @Test
  void startWithUpdate_shouldAnswer409_whenARunIsOpenAndThePolicyIsFail() throws Exception {
    start("GuestbookWorkflow", "api-uws-4", "[]");

    APIGatewayProxyResponseEvent r = call("POST", "/workflows", "{\"workflowType\":\"GuestbookWorkflow\","
        + "\"workflowId\":\"api-uws-4\",\"workflowIdConflictPolicy\":\"FAIL\","
        + "\"update\":{\"name\":\"sign\",\"input\":[\"Ann\"]}}");

    assertEquals(409, r.getStatusCode(), r.getBody());
    assertEquals("ALREADY_STARTED", json(r).get("error").asText());
    assertEquals(0, acceptedUpdates("api-uws-4"));
  }

  @Test
  void start_shouldAnswer400_whenAnUpdateHasNoConflictPolicyOrComesWithASignal() throws Exception {
    APIGatewayProxyResponseEvent noPolicy = call("POST", "/workflows", "{\"workflowType\":\"GuestbookWorkflow\","
        + "\"workflowId\":\"api-uws-5\",\"update\":{\"name\":\"sign\",\"input\":[\"Ann\"]}}");
    APIGatewayProxyResponseEvent both = call("POST", "/workflows", "{\"workflowType\":\"GuestbookWorkflow\","
        + "\"workflowId\":\"api-uws-5\",\"workflowIdConflictPolicy\":\"USE_EXISTING\","
        + "\"update\":{\"name\":\"sign\"},\"signal\":{\"name\":\"close\"}}");
    APIGatewayProxyResponseEvent noName = call("POST", "/workflows", "{\"workflowType\":\"GuestbookWorkflow\","
        + "\"signal\":{\"input\":[]}}");

    assertEquals(400, noPolicy.getStatusCode(), noPolicy.getBody());
    assertTrue(json(noPolicy).get("message").asText().contains("workflowIdConflictPolicy"), noPolicy.getBody());
    assertEquals(400, both.getStatusCode(), both.getBody());
    assertEquals(400, noName.getStatusCode(), noName.getBody());
    assertEquals("\"signal.name\" is required", json(noName).get("message").asText());
    assertEquals(404, call("GET", "/workflows/api-uws-5", null).getStatusCode(), "nothing was started");
  }

  @Test
  void startWithUpdate_shouldAnswer202ThenThePolledResult_whenTheHandlerOutlastsTheWait() throws Exception {
    api = new ApiHandler(runtime, Duration.ZERO);
    holdActivities = true;

    APIGatewayProxyResponseEvent accepted = call("POST", "/workflows", "{\"workflowType\":\"GuestbookWorkflow\","
        + "\"workflowId\":\"api-uws-6\",\"workflowIdConflictPolicy\":\"USE_EXISTING\","
        + "\"update\":{\"name\":\"sign\",\"input\":[\"Ann\"]}}");

    assertEquals(202, accepted.getStatusCode(), accepted.getBody());
    assertEquals("ACCEPTED", json(accepted).get("status").asText());
    assertEquals("api-uws-6", json(accepted).get("workflowId").asText());
    awaitHeldActivity();
    releaseActivities();
    String updateId = json(accepted).get("updateId").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    APIGatewayProxyResponseEvent polled;
    do {
      polled = call("GET", "/workflows/api-uws-6/updates/" + updateId, null);
    } while (polled.getStatusCode() == 202 && System.nanoTime() < deadline);
    assertEquals(200, polled.getStatusCode(), polled.getBody());
    assertEquals(1, json(polled).get("result").asInt());
  }

  private void awaitHeldActivity() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      synchronized (this) {
        if (!heldActivities.isEmpty()) {
          return;
        }
      }
      assertFalse(System.nanoTime() > deadline, "the update's activity was not scheduled within 10 s");
      Thread.onSpinWait();
    }
  }
}
