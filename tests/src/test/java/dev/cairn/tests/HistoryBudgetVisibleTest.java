package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A stack whose history budget is 12 events (warning) and 120 (limit): long runs get warned, or continue as new. */
class HistoryBudgetVisibleTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().historyLimits(12, 120).build();

  @Test
  void describe_shouldShowHistoryWarning_whenAnOpenRunPassesTheWarningThreshold() {
    CairnHttp api = stack.api();
    api.start("TickingWorkflow", "budget-warned", 3, false, 1);

    JsonNode warned = api.awaitDescribe("budget-warned", Duration.ofSeconds(60), d -> d.has("historyWarning"));

    assertEquals("RUNNING", warned.get("status").asText(), warned.toString());
    assertTrue(warned.get("historyLength").asLong() >= 12, warned.toString());
    assertTrue(warned.get("historyWarning").asText().contains("continue-as-new"), warned.toString());
    assertEquals(202, api.post("/workflows/budget-warned/signals/finish", "[]").status());
    assertFalse(api.awaitCompleted("budget-warned", Duration.ofSeconds(30)).has("historyWarning"));
  }

  @Test
  void workflow_shouldContinueAsNew_whenItsInfoSuggestsIt() {
    CairnHttp api = stack.api();
    api.start("TickingWorkflow", "budget-continued", 5, true, 1);

    JsonNode done = api.awaitCompleted("budget-continued", Duration.ofSeconds(60));

    assertTrue(done.get("result").asInt() > 1, "the ticks took more than one run: " + done);
    assertTrue(done.get("historyLength").asLong() < 120, done.toString());
  }
}
