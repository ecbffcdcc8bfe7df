package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.tests.support.AsyncPayment;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import dev.cairn.tests.support.Poll;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A payment provider calls back with the task token the charge activity handed it: the callback
 * completes (or fails) the activity through {@code POST /activities/...}.
 */
class AsyncActivityCompletionThroughHttpTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void complete_shouldGiveTheWorkflowTheCallbacksResult_andRefuseTheSameTokenTwice() {
    CairnHttp api = stack.api();
    api.start("PaymentWorkflow", "pay-complete", "order-11");
    String token = tokenOf("pay-complete");
    String body = CairnHttp.JSON.createObjectNode().put("taskToken", token).put("result", "paid:order-11").toString();

    CairnHttp.Reply complete = api.post("/activities/complete", body);

    assertEquals(202, complete.status(), complete.toString());
    assertEquals("paid:order-11", api.awaitCompleted("pay-complete", Duration.ofSeconds(30)).get("result").asText());
    CairnHttp.Reply again = api.post("/activities/complete", body);
    assertEquals(404, again.status(), again.toString());
    assertEquals("NOT_FOUND", again.text("error"));
  }

  @Test
  void fail_shouldSurfaceAsActivityFailureInTheWorkflow_whenTheFailureIsNonRetryable() {
    CairnHttp api = stack.api();
    api.start("PaymentWorkflow", "pay-declined", "order-12");
    var body = CairnHttp.JSON.createObjectNode().put("taskToken", tokenOf("pay-declined"));
    body.putObject("failure").put("message", "card declined").put("type", "CardDeclined").put("nonRetryable", true);

    CairnHttp.Reply fail = api.post("/activities/fail", body.toString());

    assertEquals(202, fail.status(), fail.toString());
    assertEquals("declined: card declined (CardDeclined)",
        api.awaitCompleted("pay-declined", Duration.ofSeconds(30)).get("result").asText());
  }

  @Test
  void cancel_shouldBeRefused_whenTheWorkflowDidNotAskToCancelTheActivity() {
    CairnHttp api = stack.api();
    api.start("PaymentWorkflow", "pay-not-cancelled", "order-13");
    String token = tokenOf("pay-not-cancelled");

    CairnHttp.Reply cancel = api.post("/activities/cancel",
        CairnHttp.JSON.createObjectNode().put("taskToken", token).toString());

    assertEquals(409, cancel.status(), cancel.toString());
    assertEquals("ACTIVITY_NOT_CANCEL_REQUESTED", cancel.text("error"));
    CairnHttp.Reply complete = api.post("/activities/complete",
        CairnHttp.JSON.createObjectNode().put("taskToken", token).put("result", "paid:order-13").toString());
    assertEquals(202, complete.status(), "the activity still runs and can complete: " + complete);
    assertEquals("paid:order-13", api.awaitCompleted("pay-not-cancelled", Duration.ofSeconds(30)).get("result").asText());
  }

  private static String tokenOf(String workflowId) {
    return Poll.until(Duration.ofSeconds(30), "the task token of " + workflowId,
        () -> Optional.ofNullable(AsyncPayment.TASK_TOKENS.get(workflowId)));
  }
}
