package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.client.ActivityCompletionClient;
import dev.cairn.client.ActivityNotExistsException;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.samples.SampleWorkers;
import dev.cairn.tests.support.AsyncPayment;
import dev.cairn.tests.support.ClientOverHttp;
import dev.cairn.tests.support.EmbeddedStack;
import dev.cairn.tests.support.Poll;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payment provider's callback written with Temporal's ActivityCompletionClient, over HTTP: the
 * charge activity returned with {@code doNotCompleteOnReturn()} and handed out its task token.
 */
class ActivityCompletionClientOverHttpTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  private static ClientOverHttp http;
  private static WorkflowClient client;

  @BeforeAll
  static void connect() {
    http = ClientOverHttp.connect(stack);
    client = http.client();
  }

  @AfterAll
  static void disconnect() {
    http.close();
  }

  private static AsyncPayment.PaymentWorkflow startPayment(String workflowId, String order) {
    AsyncPayment.PaymentWorkflow payment = client.newWorkflowStub(AsyncPayment.PaymentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(SampleWorkers.TASK_QUEUE).build());
    WorkflowClient.start(payment::pay, order);
    return payment;
  }

  private static byte[] tokenOf(String workflowId) {
    String token = Poll.until(Duration.ofSeconds(30), "the task token of " + workflowId,
        () -> Optional.ofNullable(AsyncPayment.TASK_TOKENS.get(workflowId)));
    return Base64.getDecoder().decode(token);
  }

  @Test
  void complete_shouldGiveTheWorkflowTheResult_afterAHeartbeat_andRefuseTheSameTokenTwice() {
    AsyncPayment.PaymentWorkflow payment = startPayment("http-acc-complete", "order-21");
    byte[] token = tokenOf("http-acc-complete");
    ActivityCompletionClient completions = client.newActivityCompletionClient();

    completions.heartbeat(token, "authorizing");
    completions.complete(token, "paid:order-21");

    assertEquals("paid:order-21", WorkflowStub.fromTyped(payment).getResult(String.class));
    assertThrows(ActivityNotExistsException.class, () -> completions.complete(token, "paid again"));
  }

  @Test
  void completeExceptionally_shouldReachTheWorkflowAsTheApplicationFailure_whenNonRetryable() {
    AsyncPayment.PaymentWorkflow payment = startPayment("http-acc-fail", "order-22");
    byte[] token = tokenOf("http-acc-fail");

    client.newActivityCompletionClient().completeExceptionally(token,
        ApplicationFailure.newNonRetryableFailure("card declined", "CardDeclined"));

    assertEquals("declined: card declined (CardDeclined)", WorkflowStub.fromTyped(payment).getResult(String.class));
  }
}
