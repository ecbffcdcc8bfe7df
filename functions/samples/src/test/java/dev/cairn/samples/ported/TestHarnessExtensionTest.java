package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkflowImplementationOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JUnit 5 harness itself: workflow types registered with {@link WorkflowImplementationOptions},
 * and the environment, worker, client and a typed workflow stub injected into test methods.
 */
class TestHarnessExtensionTest {
  public static class InvalidAddressException extends RuntimeException {
    public InvalidAddressException(String message) {
      super(message);
    }
  }

  @ActivityInterface
  public interface ShippingActivities {
    String printLabel(String address);
  }

  public static class ShippingActivitiesImpl implements ShippingActivities {
    @Override
    public String printLabel(String address) {
      return "label for " + address;
    }
  }

  @WorkflowInterface
  public interface ShipmentWorkflow {
    @WorkflowMethod
    String ship(String address);
  }

  public static class ShipmentWorkflowImpl implements ShipmentWorkflow {
    // No options here: the worker's WorkflowImplementationOptions supply the default activity options.
    private final ShippingActivities shipping = Workflow.newActivityStub(ShippingActivities.class);

    @Override
    public String ship(String address) {
      if (address.isBlank()) {
        throw new InvalidAddressException("nowhere to ship to");
      }
      return shipping.printLabel(address) + " on " + Workflow.getInfo().getTaskQueue();
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
          .setFailWorkflowExceptionTypes(InvalidAddressException.class)
          .setDefaultActivityOptions(ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build())
          .build(), ShipmentWorkflowImpl.class)
      .setActivityImplementations(new ShippingActivitiesImpl())
      .build();

  @Test
  void ship_shouldRunOnTheInjectedWorkersQueue_whenCalledThroughTheInjectedStub(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, ShipmentWorkflow workflow) {
    String result = workflow.ship("1 Main St");

    assertEquals("label for 1 Main St on " + worker.getTaskQueue(), result);
    assertTrue(testEnv.isStarted());
    assertSame(testEnv.getWorkflowClient(), client);
    String workflowId = WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId();
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, client.fetchHistory(workflowId).getLastEvent().getEventType());
  }

  @Test
  void ship_shouldFailTheWorkflow_whenTheImplementationOptionsNameTheThrownException(
      WorkflowClient client, ShipmentWorkflow workflow) {
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> workflow.ship(" "));

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, e.getCause());
    assertEquals(InvalidAddressException.class.getName(), cause.getType());
    assertEquals("nowhere to ship to", cause.getOriginalMessage());
    String workflowId = WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId();
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, client.fetchHistory(workflowId).getLastEvent().getEventType());
  }
}
