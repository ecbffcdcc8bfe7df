package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.ChildRuntime;
import dev.cairn.tests.support.CleanHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runtime is killed with SIGKILL while workflows sleep on timers and run activities, then
 * started again on the same data directory: every workflow completes, each activity once, with a
 * clean history.
 */
class RuntimeSurvivesKill9Test {
  /**
   * A batch in flight at the kill comes back when its lease ends: 30 s locally at most (see
   * SqsEventSourceMapping), an activity attempt's own timeout once its handler started (15 s here).
   * Most runs finish within seconds of the restart.
   */
  private static final Duration COMPLETES_AFTER_RESTART = Duration.ofSeconds(120);

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void workflows_shouldCompleteWithCleanHistories_whenTheRuntimeIsKilledMidFlightAndRestarted(@TempDir Path dataDir) {
    int port = ChildRuntime.freePort();
    List<String> reminders = List.of("kill9-reminder-1", "kill9-reminder-2", "kill9-reminder-3");
    List<String> orders = List.of("kill9-order-1", "kill9-order-2", "kill9-order-3");
    try (ChildRuntime first = ChildRuntime.start(port, dataDir)) {
      CairnHttp api = new CairnHttp(first.url());
      for (String id : reminders) {
        api.start("ReminderWorkflow", id, id, 4);
      }
      for (String id : reminders) { // each asleep on its durable timer
        api.awaitDescribe(id, Duration.ofSeconds(30), d -> d.path("pendingTimers").size() == 1);
      }
      for (String id : orders) {
        api.start("OrderWorkflow", id, id);
      }
      first.kill9();
    }

    try (ChildRuntime second = ChildRuntime.start(port, dataDir)) {
      CairnHttp api = new CairnHttp(second.url());
      List<String> all = new ArrayList<>(reminders);
      all.addAll(orders);
      for (String id : all) {
        JsonNode described = api.awaitCompleted(id, COMPLETES_AFTER_RESTART);
        List<JsonNode> events = api.history(id);
        CleanHistory.assertEachActivityCompletedOnce(id, events);
        if (reminders.contains(id)) {
          // the timer fires once the runtime is back: at least 4 s, more for the time it was down
          assertTrue(described.get("result").asText().matches("Reminder for " + id + " after \\d+ s"), described.toString());
          assertEquals(1, CleanHistory.ofType(events, "TimerFired").size(), "the timer fired once: " + id);
          assertEquals(1, CleanHistory.ofType(events, "ActivityTaskCompleted").size());
        } else {
          assertEquals(id + ":validated:charged:shipped", described.get("result").asText());
          assertEquals(3, CleanHistory.ofType(events, "ActivityTaskCompleted").size());
        }
        assertTrue(events.size() == described.get("historyLength").asInt());
      }
    }
  }
}
