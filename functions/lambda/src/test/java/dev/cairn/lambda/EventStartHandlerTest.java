package dev.cairn.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionStarted;
import dev.cairn.samples.SampleWorkers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventStartHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T06:00:17Z"), ZoneOffset.UTC);
  private final CairnRuntime runtime = CairnRuntime.newBuilder()
      .setStore(new InMemoryHistoryStore(clock))
      .setDispatcher(tasks -> { })
      .setClock(clock)
      .registerWorkersClass(SampleWorkers.class.getName())
      .build();

  private static Map<String, Object> event(String json) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = JSON.readValue(json, Map.class);
    return m;
  }

  private static final String ORDER_PLACED = """
      {"version":"0","id":"ev-1","detail-type":"OrderPlaced","source":"shop","account":"000000000000",
       "time":"2026-11-26T06:00:00Z","region":"us-east-1","resources":[],"detail":{"orderId":"o-42","total":12}}""";

  @Test
  void handleRequest_shouldStartOneRun_whenTheSameEventIsDeliveredTwice() throws Exception {
    EventStartHandler handler = new EventStartHandler(runtime, Map.of("CAIRN_EVENT_WORKFLOW_TYPE", "OrderWorkflow",
        "CAIRN_EVENT_WORKFLOW_ID_PATH", "$.detail.orderId", "CAIRN_EVENT_WORKFLOW_ID_PREFIX", "order-",
        "CAIRN_EVENT_INPUT_PATH", "$.detail.orderId"));

    Map<String, Object> first = handler.handleRequest(event(ORDER_PLACED), null);
    Map<String, Object> second = handler.handleRequest(event(ORDER_PLACED), null);

    assertEquals("order-o-42", first.get("workflowId"));
    assertEquals(true, first.get("started"));
    assertEquals(false, second.get("started"));
    assertEquals(first.get("runId"), second.get("runId"));
    var page = runtime.store().list(new HistoryStore.ListQuery(null, "OrderWorkflow", null, 10, null));
    assertEquals(1, page.executions().size());
    var started = (WorkflowExecutionStarted) runtime.store()
        .readHistory(new ExecutionKey("order-o-42", (String) first.get("runId")), 1, 1).get(0).attributes();
    assertEquals("[\"o-42\"]", JSON.writeValueAsString(JSON.readTree(dev.cairn.internal.history.HistoryJson.mapper()
        .writeValueAsString(started.input()))));
  }

  @Test
  void handleRequest_shouldNameTheRunByPrefixAndMinute_whenTheRuleGivesAConstantInput() throws Exception {
    EventStartHandler handler = new EventStartHandler(runtime, Map.of());
    Map<String, Object> input = event("{\"workflowType\":\"GreetingWorkflow\",\"workflowIdPrefix\":\"greeting-\",\"input\":[\"schedule\"]}");

    Map<String, Object> first = handler.handleRequest(input, null);
    Map<String, Object> again = handler.handleRequest(input, null);

    assertEquals("greeting-2026-11-26T06:00Z", first.get("workflowId"));
    assertEquals(false, again.get("started"));
  }

  @Test
  void handleRequest_shouldSayWhichPathIsMissing_whenTheEventHasNoWorkflowId() {
    EventStartHandler handler = new EventStartHandler(runtime, Map.of("CAIRN_EVENT_WORKFLOW_TYPE", "OrderWorkflow",
        "CAIRN_EVENT_WORKFLOW_ID_PATH", "$.detail.missing"));
    var e = assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(event(ORDER_PLACED), null));
    assertEquals(true, e.getMessage().contains("$.detail.missing"), e.getMessage());
  }
}
