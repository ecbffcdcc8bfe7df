package dev.cairn.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a clean history looks like to its reader: event ids 1, 2, 3... without gaps, one start and one
 * close event (the last), every activity's outcome recorded once and every timer fired once.
 */
public final class CleanHistory {
  private static final Set<String> CLOSE_EVENTS = Set.of("WorkflowExecutionCompleted", "WorkflowExecutionFailed",
      "WorkflowExecutionCanceled", "WorkflowExecutionTerminated", "WorkflowExecutionContinuedAsNew",
      "WorkflowExecutionTimedOut");
  private static final Set<String> ACTIVITY_OUTCOMES = Set.of("ActivityTaskCompleted", "ActivityTaskFailed",
      "ActivityTaskTimedOut", "ActivityTaskCanceled");

  private CleanHistory() {}

  /** Checks the shape above; returns the number of events. */
  public static int assertClean(String workflowId, List<JsonNode> events) {
    String where = "history of " + workflowId + ": " + CairnHttp.eventTypes(events);
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).get("eventId").asLong(), "event ids are 1, 2, 3... without gaps; " + where);
    }
    assertEquals("WorkflowExecutionStarted", type(events.get(0)), where);
    assertTrue(CLOSE_EVENTS.contains(type(events.get(events.size() - 1))), "the last event closes the run; " + where);
    assertEquals(1, events.stream().filter(e -> CLOSE_EVENTS.contains(type(e))).count(), "one close event; " + where);
    Map<Long, Integer> outcomes = new HashMap<>();
    Map<Long, Integer> starts = new HashMap<>();
    Map<Long, Integer> fired = new HashMap<>();
    for (JsonNode e : events) {
      JsonNode a = e.path("attributes");
      if (ACTIVITY_OUTCOMES.contains(type(e))) {
        outcomes.merge(a.path("scheduledEventId").asLong(), 1, Integer::sum);
      } else if (type(e).equals("ActivityTaskStarted")) {
        starts.merge(a.path("scheduledEventId").asLong(), 1, Integer::sum);
      } else if (type(e).equals("TimerFired")) {
        fired.merge(a.path("startedEventId").asLong(), 1, Integer::sum);
      }
    }
    outcomes.forEach((scheduled, n) -> assertEquals(1, n, "activity " + scheduled + " has one outcome; " + where));
    starts.forEach((scheduled, n) -> assertEquals(1, n, "activity " + scheduled + " has one started event; " + where));
    fired.forEach((started, n) -> assertEquals(1, n, "timer " + started + " fired once; " + where));
    return events.size();
  }

  /** Every scheduled activity completed exactly once (the run had no failed activity). */
  public static void assertEachActivityCompletedOnce(String workflowId, List<JsonNode> events) {
    assertClean(workflowId, events);
    List<Long> scheduled = events.stream().filter(e -> type(e).equals("ActivityTaskScheduled"))
        .map(e -> e.get("eventId").asLong()).toList();
    List<Long> completed = events.stream().filter(e -> type(e).equals("ActivityTaskCompleted"))
        .map(e -> e.path("attributes").path("scheduledEventId").asLong()).sorted().toList();
    assertEquals(scheduled, completed, "each scheduled activity completed once; history of " + workflowId + ": "
        + CairnHttp.eventTypes(events));
  }

  public static String type(JsonNode event) {
    return event.get("eventType").asText();
  }

  /** The events of one type, in order. */
  public static List<JsonNode> ofType(List<JsonNode> events, String eventType) {
    return events.stream().filter(e -> type(e).equals(eventType)).toList();
  }
}
