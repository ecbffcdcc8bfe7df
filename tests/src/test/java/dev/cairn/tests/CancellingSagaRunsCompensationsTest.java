package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.CleanHistory;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user cancels a trip that waits for confirmation; what it booked is cancelled, newest first. */
class CancellingSagaRunsCompensationsTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void cancel_shouldRunTheCompensationsInReverseOrderAndEndCanceled_whenTheTripWaitsForConfirmation() {
    CairnHttp api = stack.api();
    api.start("CancellableTripWorkflow", "trip-cancel", "Bea");
    api.awaitDescribe("trip-cancel", Duration.ofSeconds(30), d -> completedActivities(api.history("trip-cancel")).size() == 2);

    CairnHttp.Reply cancel = api.post("/workflows/trip-cancel/cancel", null);

    assertEquals(202, cancel.status(), cancel.toString());
    JsonNode closed = api.awaitClosed("trip-cancel", Duration.ofSeconds(30));
    assertEquals("CANCELED", closed.get("status").asText(), closed.toString());
    List<JsonNode> events = api.history("trip-cancel");
    CleanHistory.assertClean("trip-cancel", events);
    assertEquals(List.of("ReserveCar:Bea", "BookHotel:Bea", "CancelHotel:hotel-Bea", "CancelCar:car-Bea"),
        completedActivities(events), "the bookings, then their compensations in reverse order, all completed");
    assertEquals("WorkflowExecutionCanceled", CleanHistory.type(events.get(events.size() - 1)));
  }

  /** "ActivityType:firstArgument" of each completed activity, in the order they completed. */
  private static List<String> completedActivities(List<JsonNode> events) {
    Map<Long, String> scheduled = new HashMap<>();
    for (JsonNode e : events) {
      if (CleanHistory.type(e).equals("ActivityTaskScheduled")) {
        JsonNode a = e.path("attributes");
        scheduled.put(e.get("eventId").asLong(), a.path("activityType").asText() + ":" + a.path("input").path(0).asText());
      }
    }
    return events.stream().filter(e -> CleanHistory.type(e).equals("ActivityTaskCompleted"))
        .map(e -> scheduled.get(e.path("attributes").path("scheduledEventId").asLong())).toList();
  }
}
