package dev.cairn.tests;

import static dev.cairn.tests.support.CairnHttp.eventTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.CleanHistory;
import java.time.Duration;
import java.util.List;

/** Scenarios run on more than one store: the same user steps and checks on SQLite and on DynamoDB. */
final class Scenarios {
  static final Duration COMPLETES_WITHIN = Duration.ofSeconds(30);

  private Scenarios() {}

  /** OrderWorkflow("order-7") returns "order-7:validated:charged:shipped" after three activities in order. */
  static void sequentialOrderCompletes(CairnHttp api, String workflowId) {
    String runId = api.start("OrderWorkflow", workflowId, "order-7");

    JsonNode described = api.awaitCompleted(workflowId, COMPLETES_WITHIN);

    assertEquals(runId, described.get("runId").asText());
    assertEquals("order-7:validated:charged:shipped", described.get("result").asText());
    List<JsonNode> events = api.history(workflowId);
    assertEquals(List.of(
        "WorkflowExecutionStarted", "WorkflowTaskCompleted", "ActivityTaskScheduled",
        "ActivityTaskStarted", "ActivityTaskCompleted", "WorkflowTaskCompleted", "ActivityTaskScheduled",
        "ActivityTaskStarted", "ActivityTaskCompleted", "WorkflowTaskCompleted", "ActivityTaskScheduled",
        "ActivityTaskStarted", "ActivityTaskCompleted", "WorkflowTaskCompleted", "WorkflowExecutionCompleted"),
        eventTypes(events));
    assertEquals(List.of("Validate", "Charge", "Ship"), CleanHistory.ofType(events, "ActivityTaskScheduled").stream()
        .map(e -> e.path("attributes").path("activityType").asText()).toList());
    CleanHistory.assertEachActivityCompletedOnce(workflowId, events);
    assertEquals(events.size(), described.get("historyLength").asInt());
  }

  /** TripBookingWorkflow("Ann") with flights sold out (E2eWorkers): the hotel and the car are cancelled, in reverse order, and the run fails. */
  static void sagaCompensates(CairnHttp api, String workflowId) {
    api.start("TripBookingWorkflow", workflowId, "Ann");

    JsonNode described = api.awaitClosed(workflowId, COMPLETES_WITHIN);

    assertEquals("FAILED", described.get("status").asText(), described.toString());
    org.junit.jupiter.api.Assertions.assertTrue(described.get("failure").toString().contains("no flight available for Ann"),
        "the failure says why: " + described.get("failure"));
    List<JsonNode> events = api.history(workflowId);
    CleanHistory.assertClean(workflowId, events);
    List<String> scheduled = CleanHistory.ofType(events, "ActivityTaskScheduled").stream()
        .map(e -> e.path("attributes").path("activityType").asText()).toList();
    assertEquals(List.of("ReserveCar", "BookHotel", "BookFlight", "CancelHotel", "CancelCar"), scheduled);
    assertEquals(1, CleanHistory.ofType(events, "ActivityTaskFailed").size(), "only the flight failed");
    assertEquals(4, CleanHistory.ofType(events, "ActivityTaskCompleted").size(), "car, hotel and both compensations");
    List<JsonNode> cancels = events.stream().filter(e -> e.path("attributes").path("activityType").asText().startsWith("Cancel"))
        .toList();
    assertEquals(List.of("hotel-Ann", "car-Ann"), cancels.stream().map(e -> e.path("attributes").path("input").get(0).asText())
        .toList(), "each compensation gets its booking id");
    assertEquals("WorkflowExecutionFailed", CleanHistory.type(events.get(events.size() - 1)));
  }
}
