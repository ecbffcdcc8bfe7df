package dev.cairn.tests;

import static dev.cairn.tests.support.CairnHttp.eventTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CleanHistory;
import dev.cairn.tests.support.EmbeddedStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user starts LocalGreetingWorkflow (HelloLocalActivity) through the HTTP API: the decision
 * handler runs the local activity itself, so history holds its marker and no activity task.
 */
class LocalActivityRunsInTheDecisionTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void localGreeting_shouldCompleteWithoutAnActivityTask_whenItsActivityIsLocal() {
    String id = "local-greeting-1";
    stack.api().start("LocalGreetingWorkflow", id, "Ann");

    JsonNode described = stack.api().awaitCompleted(id, Scenarios.COMPLETES_WITHIN);

    assertEquals("Hello Ann!", described.get("result").asText());
    List<JsonNode> events = stack.api().history(id);
    List<JsonNode> markers = CleanHistory.ofType(events, "MarkerRecorded");
    assertEquals(1, markers.size(), "one marker: " + eventTypes(events));
    assertEquals("LocalActivity", markers.get(0).path("attributes").path("markerName").asText());
    assertFalse(eventTypes(events).contains("ActivityTaskScheduled"), "no queue round trip: " + eventTypes(events));
  }
}
