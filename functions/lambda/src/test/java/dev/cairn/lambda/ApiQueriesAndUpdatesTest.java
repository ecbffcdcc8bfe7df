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
