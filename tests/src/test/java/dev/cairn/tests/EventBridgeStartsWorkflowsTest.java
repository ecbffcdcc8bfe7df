package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.local.lambda.LocalSchedules;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The template's EventStartFunction on the local runtime: its OrderPlaced rule starts OrderWorkflow
 * from a posted event, once however often the event comes; its schedule starts GreetingWorkflow.
 */
class EventBridgeStartsWorkflowsTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  private static List<JsonNode> runsOf(String workflowType, String workflowId) {
    List<JsonNode> runs = new ArrayList<>();
    stack.api().get("/workflows?pageSize=1000&workflowType=" + workflowType).body().get("executions").forEach(r -> {
      if (r.get("workflowId").asText().equals(workflowId)) {
        runs.add(r);
      }
    });
    return runs;
  }

  @Test
  void postEvents_shouldStartTheWorkflowOnce_whenTheSameOrderEventArrivesTwice() {
    String entry = """
        {"Entries": [{"Source": "cairn.samples", "DetailType": "OrderPlaced", "Detail": "{\\"orderId\\": \\"e2e-77\\"}"}]}""";

    CairnHttp.Reply first = stack.api().post("/events", entry);
    CairnHttp.Reply second = stack.api().post("/events", entry);

    assertEquals(200, first.status(), first.toString());
    assertEquals(0, second.body().get("FailedEntryCount").asInt(), second.toString());
    JsonNode done = stack.api().awaitCompleted("order-e2e-77", Scenarios.COMPLETES_WITHIN);
    assertEquals("e2e-77:validated:charged:shipped", done.get("result").asText(), done.toString());
    assertEquals(1, runsOf("OrderWorkflow", "order-e2e-77").size(), "one run for two deliveries");
  }

  @Test
  void schedule_shouldStartOneRunPerFire_whenTheRuleFires() {
    LocalSchedules schedules = stack.runtime().eventSources().schedules();
    String rule = schedules.ruleNames().stream().filter(n -> n.endsWith("DailyGreeting")).findFirst().orElseThrow();

    @SuppressWarnings("unchecked")
    Map<String, Object> fired = (Map<String, Object>) schedules.fireNow(rule);
    @SuppressWarnings("unchecked")
    Map<String, Object> duplicate = (Map<String, Object>) schedules.fireNow(rule);

    String id = (String) fired.get("workflowId");
    assertTrue(id.startsWith("daily-greeting-"), fired.toString());
    JsonNode done = stack.api().awaitCompleted(id, Scenarios.COMPLETES_WITHIN);
    assertEquals("Hello schedule!", done.get("result").asText(), done.toString());
    if (duplicate.get("workflowId").equals(id)) { // the same minute: a duplicate delivery, deduplicated
      assertEquals(false, duplicate.get("started"), duplicate.toString());
      assertEquals(1, runsOf("GreetingWorkflow", id).size());
    }
  }
}
