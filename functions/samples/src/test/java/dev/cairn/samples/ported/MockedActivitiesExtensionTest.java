package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityMethod;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * Mockito mocks as activity implementations and as a child workflow, registered on the injected
 * worker before the test starts the environment, then verified as a Temporal user verifies them.
 */
class MockedActivitiesExtensionTest {
  @ActivityInterface
  public interface InventoryActivities {
    boolean reserve(String sku, int quantity);

    void release(String sku, int quantity);
  }

  @ActivityInterface
  public interface NotificationActivities {
    @ActivityMethod(name = "Notify")
    void notifyCustomer(String customerId, String message);
  }

  /** Carries @ActivityMethod on the implementation side, which Temporal rejects. */
  public static class AnnotatedNotificationActivities implements NotificationActivities {
    @ActivityMethod(name = "NotifyByPost")
    @Override
    public void notifyCustomer(String customerId, String message) { }
  }

  @WorkflowInterface
  public interface CheckoutWorkflow {
    @WorkflowMethod
    String checkout(String customerId, List<String> skus);
  }

  /** Reserves one of each item; if one is out of stock, releases what it reserved. */
  public static class CheckoutWorkflowImpl implements CheckoutWorkflow {
    private final ActivityOptions options = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build();
    private final InventoryActivities inventory = Workflow.newActivityStub(InventoryActivities.class, options);
    private final NotificationActivities notifications = Workflow.newActivityStub(NotificationActivities.class, options);

    @Override
    public String checkout(String customerId, List<String> skus) {
      List<String> reserved = new ArrayList<>();
      for (String sku : skus) {
        if (!inventory.reserve(sku, 1)) {
          reserved.forEach(r -> inventory.release(r, 1));
          notifications.notifyCustomer(customerId, "out of stock: " + sku);
          return "cancelled";
        }
        reserved.add(sku);
      }
      notifications.notifyCustomer(customerId, "reserved " + reserved);
      return "reserved " + reserved.size();
    }
  }

  @WorkflowInterface
  public interface FraudCheckWorkflow {
    @WorkflowMethod
    boolean isFraudulent(String customerId, int cents);
  }

  @WorkflowInterface
  public interface PaymentWorkflow {
    @WorkflowMethod
    String pay(String customerId, int cents);
  }

  public static class PaymentWorkflowImpl implements PaymentWorkflow {
    @Override
    public String pay(String customerId, int cents) {
      FraudCheckWorkflow fraudCheck = Workflow.newChildWorkflowStub(FraudCheckWorkflow.class);
      return fraudCheck.isFraudulent(customerId, cents) ? "refused" : "paid " + cents;
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CheckoutWorkflowImpl.class, PaymentWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  @Test
  void checkout_shouldReserveEachItemThenNotify_whenMocksAreTheActivities(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, CheckoutWorkflow workflow) {
    InventoryActivities inventory = mock(InventoryActivities.class);
    NotificationActivities notifications = mock(NotificationActivities.class, withSettings().withoutAnnotations());
    when(inventory.reserve(anyString(), anyInt())).thenReturn(true);
    worker.registerActivitiesImplementations(inventory, notifications);
    testEnv.start();

    assertEquals("reserved 2", workflow.checkout("c-1", List.of("tea", "cake")));

    InOrder inOrder = inOrder(inventory, notifications);
    inOrder.verify(inventory).reserve("tea", 1);
    inOrder.verify(inventory).reserve("cake", 1);
    inOrder.verify(notifications).notifyCustomer("c-1", "reserved [tea, cake]");
    verify(inventory, never()).release(anyString(), anyInt());
    verifyNoMoreInteractions(inventory, notifications);
    WorkflowExecutionHistory history =
        client.fetchHistory(WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId());
    assertTrue(history.toJson(false).contains("\"Notify\""),
        "the interface's @ActivityMethod(name) names the mock's activity type");
  }

  @Test
  void checkout_shouldReleaseWhatItReserved_whenAMockedItemIsOutOfStock(
      TestWorkflowEnvironment testEnv, Worker worker, CheckoutWorkflow workflow) {
    InventoryActivities inventory = mock(InventoryActivities.class, withSettings().withoutAnnotations());
    NotificationActivities notifications = mock(NotificationActivities.class);
    when(inventory.reserve("tea", 1)).thenReturn(true);
    when(inventory.reserve("jam", 1)).thenReturn(true);
    when(inventory.reserve("cake", 1)).thenReturn(false);
    worker.registerActivitiesImplementations(inventory, notifications);
    testEnv.start();

    assertEquals("cancelled", workflow.checkout("c-2", List.of("tea", "jam", "cake", "scone")));

    ArgumentCaptor<String> released = ArgumentCaptor.forClass(String.class);
    verify(inventory, times(2)).release(released.capture(), eq(1));
    assertEquals(List.of("tea", "jam"), released.getAllValues());
    verify(inventory, never()).reserve("scone", 1);
    verify(notifications).notifyCustomer("c-2", "out of stock: cake");
  }

  @Test
  void registerActivitiesImplementations_shouldThrowIllegalArgumentException_whenTheImplementationCarriesActivityMethod(
      Worker worker) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> worker.registerActivitiesImplementations(new AnnotatedNotificationActivities()));

    assertTrue(e.getMessage().contains("@ActivityMethod"), e.getMessage());
  }

  @Test
  void pay_shouldAskTheMockedChildWorkflow_whenItIsRegisteredThroughAFactory(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, PaymentWorkflow workflow) {
    FraudCheckWorkflow fraudCheck = mock(FraudCheckWorkflow.class, withSettings().withoutAnnotations());
    when(fraudCheck.isFraudulent("c-3", 500)).thenReturn(false);
    worker.registerWorkflowImplementationFactory(FraudCheckWorkflow.class, () -> fraudCheck);
    testEnv.start();

    assertEquals("paid 500", workflow.pay("c-3", 500));

    verify(fraudCheck).isFraudulent("c-3", 500);
    WorkflowExecutionHistory parent = client.fetchHistory(WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId());
    assertTrue(parent.getEvents().stream()
        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED));
  }

  @Test
  void pay_shouldRefuse_whenTheMockedChildWorkflowFindsFraud(
      TestWorkflowEnvironment testEnv, Worker worker, PaymentWorkflow workflow) {
    FraudCheckWorkflow fraudCheck = mock(FraudCheckWorkflow.class);
    when(fraudCheck.isFraudulent(anyString(), anyInt())).thenReturn(true);
    worker.registerWorkflowImplementationFactory(FraudCheckWorkflow.class, () -> fraudCheck);
    testEnv.start();

    assertEquals("refused", workflow.pay("c-4", 99_999));

    verify(fraudCheck).isFraudulent("c-4", 99_999);
  }
}
