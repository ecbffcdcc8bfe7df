package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CleanHistory;
import dev.cairn.tests.support.CrashAfterCommit;
import dev.cairn.tests.support.EmbeddedStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invariant 2: the decision handler commits "schedule validate" and dies before sending the activity
 * task. The task stays in the outbox; the sweeper (every second here) sends it, and the order
 * completes with a clean history.
 */
class DecisionCrashBetweenCommitAndSendStillCompletesTest {
  private static final String ID = "order-crash-1";
  private static final CrashAfterCommit crash = new CrashAfterCommit(ID);

  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().dispatcher(crash).build();

  @Test
  void orderWorkflow_shouldComplete_whenTheDecisionDiedBetweenCommitAndSend() {
    stack.api().start("OrderWorkflow", ID, "order-9");

    JsonNode described = stack.api().awaitCompleted(ID, Scenarios.COMPLETES_WITHIN);

    assertEquals(1, crash.crashes(), "the send after the first decision's commit was lost");
    assertEquals("order-9:validated:charged:shipped", described.get("result").asText());
    List<JsonNode> events = stack.api().history(ID);
    CleanHistory.assertEachActivityCompletedOnce(ID, events);
    assertEquals(15, events.size(), "no event twice, none missing: " + dev.cairn.tests.support.CairnHttp.eventTypes(events));
  }
}
