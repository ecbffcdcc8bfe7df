package dev.cairn.tests;

import static dev.cairn.tests.support.CairnHttp.eventTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.EmbeddedStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user starts a stockroom workflow and a restock workflow that signals it by id (and a shut-down
 * workflow that cancels it), and sees through the HTTP API the signals arrive, each once, and the
 * sender record their delivery.
 */
class WorkflowSignalsAnotherWorkflowTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  private static List<String> withoutDecisions(List<JsonNode> events) {
    return eventTypes(events).stream().filter(t -> !t.equals("WorkflowTaskCompleted")).toList();
  }

  @Test
  void restockWorkflow_shouldSignalTheStockroomByIdEachItemOnce_whenTheStockroomIsRunning() {
    String stockroomRun = stack.api().start("StockroomWorkflow", "stockroom-1", "north");

    stack.api().start("RestockWorkflow", "restock-1", "stockroom-1", List.of("bolts", "nuts"));

    JsonNode restock = stack.api().awaitCompleted("restock-1", Scenarios.COMPLETES_WITHIN);
    assertEquals("restocked 2", restock.get("result").asText());
    JsonNode stockroom = stack.api().awaitCompleted("stockroom-1", Scenarios.COMPLETES_WITHIN);
    assertEquals(List.of("bolts", "nuts"), List.of(stockroom.get("result").get(0).asText(), stockroom.get("result").get(1).asText()));
    assertEquals(2, stockroom.get("result").size());
    List<JsonNode> sent = stack.api().history("restock-1");
    assertEquals(List.of("WorkflowExecutionStarted",
        "SignalExternalWorkflowExecutionInitiated", "ExternalWorkflowExecutionSignaled",
        "SignalExternalWorkflowExecutionInitiated", "ExternalWorkflowExecutionSignaled",
        "SignalExternalWorkflowExecutionInitiated", "ExternalWorkflowExecutionSignaled",
        "WorkflowExecutionCompleted"), withoutDecisions(sent));
    sent.stream().filter(e -> e.get("eventType").asText().equals("ExternalWorkflowExecutionSignaled"))
        .forEach(e -> assertEquals(stockroomRun, e.get("attributes").get("runId").asText(), "delivered to the stockroom's run"));
    List<String> received = stack.api().history("stockroom-1").stream()
        .filter(e -> e.get("eventType").asText().equals("WorkflowExecutionSignaled"))
        .map(e -> e.get("attributes").get("signalName").asText()).toList();
    assertEquals(List.of("restock", "restock", "close"), received);
  }

  @Test
  void shutStockroomWorkflow_shouldCancelTheStockroom_whenItIsRunning() {
    stack.api().start("StockroomWorkflow", "stockroom-2", "south");

    stack.api().start("ShutStockroomWorkflow", "shut-2", "stockroom-2");

    assertEquals("shut stockroom-2", stack.api().awaitCompleted("shut-2", Scenarios.COMPLETES_WITHIN).get("result").asText());
    assertEquals("CANCELED", stack.api().awaitClosed("stockroom-2", Scenarios.COMPLETES_WITHIN).get("status").asText());
    JsonNode request = stack.api().history("stockroom-2").stream()
        .filter(e -> e.get("eventType").asText().equals("WorkflowExecutionCancelRequested")).findFirst().orElseThrow();
    assertEquals("closing down", request.get("attributes").get("cause").asText());
    assertEquals(1, withoutDecisions(stack.api().history("shut-2")).stream()
        .filter("ExternalWorkflowExecutionCancelRequested"::equals).count());
  }

  @Test
  void restockWorkflow_shouldFailWithNotFound_whenNoStockroomHasTheId() {
    stack.api().start("RestockWorkflow", "restock-3", "no-such-stockroom", List.of("bolts"));

    JsonNode restock = stack.api().awaitClosed("restock-3", Scenarios.COMPLETES_WITHIN);

    assertEquals("FAILED", restock.get("status").asText(), restock.toString());
    assertEquals("SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND",
        restock.get("failure").get("applicationFailureInfo").get("type").asText(), restock.toString());
  }
}
