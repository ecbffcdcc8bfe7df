package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.testing.WorkflowReplayer;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

/**
 * The replay check a Temporal user runs before deploying changed workflow code: fetch a finished
 * run's history, save it as JSON, replay it against the code; changed code fails the replay.
 */
class ReplayFetchedHistoryExtensionTest {
  @ActivityInterface
  public interface Payments {
    String reserve(String order);

    String charge(String order);
  }

  @WorkflowInterface
  public interface CheckoutWorkflow {
    @WorkflowMethod
    String checkout(String order);
  }

  private static Payments payments() {
    return Workflow.newActivityStub(Payments.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
  }

  /** Reserves, waits for the fraud check window, then charges. */
  public static class CheckoutWorkflowImpl implements CheckoutWorkflow {
    @Override
    public String checkout(String order) {
      Payments payments = payments();
      String reservation = payments.reserve(order);
      Workflow.sleep(Duration.ofMinutes(10));
      return reservation + ", " + payments.charge(order);
    }
  }

  /** The same workflow type with its two activities swapped: a change that breaks running workflows. */
  public static class ChargeFirstCheckoutWorkflowImpl implements CheckoutWorkflow {
    @Override
    public String checkout(String order) {
      Payments payments = payments();
      String charge = payments.charge(order);
      Workflow.sleep(Duration.ofMinutes(10));
      return payments.reserve(order) + ", " + charge;
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CheckoutWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  /** Runs a checkout with mocked payments and saves its fetched history as a JSON file. */
  private static File runAndSaveHistory(TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client,
      WorkflowOptions options, Path dir) throws Exception {
    Payments payments = mock(Payments.class, withSettings().withoutAnnotations());
    when(payments.reserve("order-5")).thenReturn("reserved order-5");
    when(payments.charge("order-5")).thenReturn("charged order-5");
    worker.registerActivitiesImplementations(payments);
    testEnv.start();
    CheckoutWorkflow workflow = client.newWorkflowStub(CheckoutWorkflow.class,
        WorkflowOptions.newBuilder(options).setWorkflowId("checkout-5").build());

    assertEquals("reserved order-5, charged order-5", workflow.checkout("order-5"));
    InOrder order = inOrder(payments);
    order.verify(payments).reserve("order-5");
    order.verify(payments).charge("order-5");

    WorkflowExecutionHistory history = client.fetchHistory("checkout-5");
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, history.getEvents().get(0).getEventType());
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, history.getLastEvent().getEventType());
    File file = dir.resolve("checkout-5.json").toFile();
    Files.writeString(file.toPath(), history.toJson(true));
    return file;
  }

  @Test
  void replayWorkflowExecution_shouldPass_whenTheCodeIsUnchanged(TestWorkflowEnvironment testEnv, Worker worker,
      WorkflowClient client, WorkflowOptions options, @TempDir Path dir) throws Exception {
    File saved = runAndSaveHistory(testEnv, worker, client, options, dir);

    WorkflowReplayer.replayWorkflowExecution(saved, CheckoutWorkflowImpl.class);
  }

  @Test
  void replayWorkflowExecution_shouldFailWithNonDeterminism_whenTheActivitiesAreSwapped(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client, WorkflowOptions options, @TempDir Path dir) throws Exception {
    File saved = runAndSaveHistory(testEnv, worker, client, options, dir);

    RuntimeException e = assertThrows(RuntimeException.class,
        () -> WorkflowReplayer.replayWorkflowExecution(saved, ChargeFirstCheckoutWorkflowImpl.class));

    assertTrue(e.getMessage().contains("error=dev.cairn.worker.NonDeterministicException"), e.getMessage());
  }
}
