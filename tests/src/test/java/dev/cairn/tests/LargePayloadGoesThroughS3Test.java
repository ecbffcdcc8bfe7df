package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.local.LocalRuntime;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.CleanHistory;
import dev.cairn.tests.support.EmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user sends an order id over SQS's 256 KB: its activity task goes through S3 and the result comes
 * back whole. Past the configured maximum (10 MiB) the start is refused with 413, nothing truncated.
 */
class LargePayloadGoesThroughS3Test {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void orderWorkflow_shouldGetItsWholeInputAndResult_whenTheInputIsOver256KB() {
    String id = "order-large-1";
    String orderId = "order-" + "x".repeat(300 * 1024);
    String runId = stack.api().start("OrderWorkflow", id, orderId);

    JsonNode described = stack.api().awaitCompleted(id, Scenarios.COMPLETES_WITHIN);

    String result = described.get("result").asText();
    assertEquals(orderId.length() + ":validated:charged:shipped".length(), result.length(), "the result is whole");
    assertEquals(orderId + ":validated:charged:shipped", result);
    CleanHistory.assertEachActivityCompletedOnce(id, stack.api().history(id));
    assertFalse(stack.runtime().environment().s3().listObjectsV2(b -> b.bucket(LocalRuntime.PAYLOAD_BUCKET)
        .prefix("messages/" + runId + "/")).contents().isEmpty(), "the activity tasks went through S3");
  }

  @Test
  void start_shouldAnswer413_whenTheInputIsOverTheMaximumPayload() {
    String id = "order-too-large-1";
    String orderId = "x".repeat(11 * 1024 * 1024);

    CairnHttp.Reply reply = stack.api().tryStart(CairnHttp.startBody("OrderWorkflow", id, orderId).toString());

    assertEquals(413, reply.status(), () -> reply.status() + " " + reply.raw().substring(0, Math.min(300, reply.raw().length())));
    assertEquals("PAYLOAD_TOO_LARGE", reply.text("error"));
    assertTrue(reply.text("message").contains("refused"), reply.toString());
    assertEquals(404, stack.api().tryDescribe(id).status(), "nothing was started");
  }
}
