package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CleanHistory;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user sets a reminder: the workflow sleeps three seconds on a durable timer, then calls an activity. */
class DurableTimerFiresTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void reminder_shouldFireOnceAfterItsDelay_whenTheWorkflowSleeps() {
    String id = "reminder-timer-1";
    stack.api().start("ReminderWorkflow", id, "Ann", 3);

    JsonNode sleeping = stack.api().awaitDescribe(id, Scenarios.COMPLETES_WITHIN,
        d -> d.path("pendingTimers").size() == 1 || !"RUNNING".equals(d.path("status").asText()));
    JsonNode described = stack.api().awaitCompleted(id, Scenarios.COMPLETES_WITHIN);

    assertEquals(1, sleeping.path("pendingTimers").size(), "describe shows the timer while it sleeps: " + sleeping);
    assertEquals("Reminder for Ann after 3 s", described.get("result").asText());
    List<JsonNode> events = stack.api().history(id);
    CleanHistory.assertEachActivityCompletedOnce(id, events);
    List<JsonNode> started = CleanHistory.ofType(events, "TimerStarted");
    List<JsonNode> fired = CleanHistory.ofType(events, "TimerFired");
    assertEquals(1, started.size());
    assertEquals(1, fired.size(), "fires once");
    assertEquals("PT3S", started.get(0).path("attributes").path("startToFireTimeout").asText());
    Duration slept = Duration.between(Instant.parse(started.get(0).get("timestamp").asText()),
        Instant.parse(fired.get(0).get("timestamp").asText()));
    assertTrue(slept.compareTo(Duration.ofSeconds(3)) >= 0 && slept.compareTo(Duration.ofSeconds(8)) < 0,
        "fired 3 s after it started, give or take the queue's polling: " + slept);
  }
}
