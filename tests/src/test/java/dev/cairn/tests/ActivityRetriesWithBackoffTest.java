package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CleanHistory;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user runs RetryGreetingWorkflow, whose activity fails twice and then succeeds, and watches the
 * retries: describe shows each attempt, its last failure and when the next one is due (1 s, then 2 s
 * after a failure); history records only the attempt that succeeded.
 */
class ActivityRetriesWithBackoffTest {
  /** Its own stack: the sample's activity counts its calls from the stack's start. */
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void retryGreeting_shouldSucceedOnTheThirdAttempt_whenRetriesWait1sThen2s() {
    String id = "retry-greeting-1";
    stack.api().start("RetryGreetingWorkflow", id, "World");

    Map<Integer, JsonNode> retrying = new TreeMap<>(); // attempt -> first describe that showed it pending
    JsonNode closed = stack.api().awaitDescribe(id, Scenarios.COMPLETES_WITHIN, d -> {
      for (JsonNode a : d.path("pendingActivities")) {
        if (a.hasNonNull("nextAttemptTime") && a.hasNonNull("lastFailure")) {
          retrying.putIfAbsent(a.get("attempt").asInt(), a);
        }
      }
      return !"RUNNING".equals(d.path("status").asText());
    });

    assertEquals("COMPLETED", closed.get("status").asText(), closed.toString());
    assertEquals("Hello World!", closed.get("result").asText());
    assertEquals(List.of(2, 3), List.copyOf(retrying.keySet()), "describe showed attempts 2 and 3 waiting: " + retrying);
    assertTrue(retrying.get(2).get("lastFailure").toString().contains("service unavailable (call 1)"), retrying.toString());
    assertTrue(retrying.get(3).get("lastFailure").toString().contains("service unavailable (call 2)"), retrying.toString());

    List<JsonNode> events = stack.api().history(id);
    CleanHistory.assertEachActivityCompletedOnce(id, events);
    Instant scheduled = time(CleanHistory.ofType(events, "ActivityTaskScheduled").get(0));
    JsonNode started = CleanHistory.ofType(events, "ActivityTaskStarted").get(0);
    assertEquals(3, started.path("attributes").path("attempt").asInt(), "the attempt that succeeded");
    assertTrue(started.path("attributes").path("lastFailure").toString().contains("call 2"));
    Instant second = Instant.parse(retrying.get(2).get("nextAttemptTime").asText());
    Instant third = Instant.parse(retrying.get(3).get("nextAttemptTime").asText());
    Instant succeeded = time(started);
    assertAtLeast(Duration.ofSeconds(1), scheduled, second, "first retry delay (scheduled -> attempt 2 due)");
    assertAtLeast(Duration.ofSeconds(2), second, third, "second retry delay (attempt 2 due -> attempt 3 due)");
    assertAtLeast(Duration.ZERO, third, succeeded, "attempt 3 ran no earlier than it was due");
    assertAtLeast(Duration.ofSeconds(3), scheduled, succeeded, "1 s + 2 s of backoff before the success");
    assertTrue(Duration.between(scheduled, succeeded).compareTo(Duration.ofSeconds(10)) < 0,
        "backoff follows the policy, not much longer: " + Duration.between(scheduled, succeeded));
  }

  private static Instant time(JsonNode event) {
    return Instant.parse(event.get("timestamp").asText());
  }

  private static void assertAtLeast(Duration min, Instant from, Instant to, String what) {
    Duration d = Duration.between(from, to);
    assertTrue(d.compareTo(min) >= 0, what + ": " + d + " from " + from + " to " + to + ", expected at least " + min);
  }
}
