package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.UpdateOptions;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.client.WorkflowUpdateHandle;
import dev.cairn.client.WorkflowUpdateStage;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.UpdateValidatorMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Updates sent with startUpdate, awaited through their handles, deduplicated by the caller's update id. */
class UpdateHandleTest {
  @WorkflowInterface
  public interface CartWorkflow {
    @WorkflowMethod
    List<String> shop();

    /** Adds an item after a minute of checking stock; returns the cart's size. */
    @UpdateMethod
    int addItem(String item);

    @UpdateValidatorMethod(updateName = "addItem")
    void validateAddItem(String item);

    @SignalMethod
    void checkout();
  }

  public static class CartWorkflowImpl implements CartWorkflow {
    private final List<String> items = new ArrayList<>();
    private boolean checkedOut;

    @Override
    public List<String> shop() {
      Workflow.await(() -> checkedOut && Workflow.isEveryHandlerFinished());
      return items;
    }

    @Override
    public int addItem(String item) {
      Workflow.sleep(Duration.ofMinutes(1));
      items.add(item);
      return items.size();
    }

    @Override
    public void validateAddItem(String item) {
      if (item.isEmpty()) {
        throw ApplicationFailure.newFailure("an item needs a name", "EmptyItem");
      }
    }

    @Override
    public void checkout() {
      checkedOut = true;
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CartWorkflowImpl.class)
      .build();

  private static WorkflowStub startCart(WorkflowClient client, WorkflowOptions options, String workflowId) {
    WorkflowStub cart = client.newUntypedWorkflowStub("CartWorkflow", options.toBuilder().setWorkflowId(workflowId)
        .setDisableEagerExecution(true).build());
    cart.start();
    return cart;
  }

  private static long acceptedEvents(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED).count();
  }

  @Test
  void startUpdate_shouldReturnAcceptedHandleWhoseResultComesLater_whenWaitingForAccepted(WorkflowClient client,
      WorkflowOptions options) throws Exception {
    WorkflowStub cart = startCart(client, options, "cart-1");

    WorkflowUpdateHandle<Integer> handle = cart.startUpdate("addItem", WorkflowUpdateStage.ACCEPTED, Integer.class, "tea");

    assertEquals("cart-1", handle.getExecution().getWorkflowId());
    assertEquals(1, handle.getResultAsync().get(30, TimeUnit.SECONDS));
    assertEquals(1, handle.getResult());
    cart.signal("checkout");
    assertEquals(List.of("tea"), cart.getResult(List.class));
  }

  @Test
  void startUpdate_shouldReturnTheFirstOutcomeWithoutASecondAcceptedEvent_whenTheUpdateIdRepeats(
      WorkflowClient client, WorkflowOptions options) {
    WorkflowStub cart = startCart(client, options, "cart-2");
    UpdateOptions<Integer> addTea = UpdateOptions.newBuilder(Integer.class).setUpdateName("addItem")
        .setUpdateId("add-tea-once").setWaitForStage(WorkflowUpdateStage.COMPLETED).build();

    WorkflowUpdateHandle<Integer> first = cart.startUpdate(addTea, "tea");
    WorkflowUpdateHandle<Integer> again = cart.startUpdate(addTea, "tea");

    assertEquals("add-tea-once", first.getId());
    assertEquals(1, first.getResult());
    assertEquals(1, again.getResult());
    assertEquals(1, acceptedEvents(client, "cart-2"));
    assertEquals(1, cart.getUpdateHandle("add-tea-once", Integer.class).getResult());
    cart.signal("checkout");
    assertEquals(List.of("tea"), cart.getResult(List.class));
  }

  @Test
  void startUpdate_shouldThrowWithTheValidatorsFailure_whenTheValidatorRejects(WorkflowClient client,
      WorkflowOptions options) {
    WorkflowStub cart = startCart(client, options, "cart-3");

    WorkflowUpdateException e = assertThrows(WorkflowUpdateException.class,
        () -> cart.startUpdate("addItem", WorkflowUpdateStage.ACCEPTED, Integer.class, ""));

    assertEquals("EmptyItem", assertInstanceOf(ApplicationFailure.class, e.getCause()).getType());
    assertEquals(0, acceptedEvents(client, "cart-3"));
    cart.terminate("test done");
  }

  @Test
  void startUpdate_shouldRefuseOptionsWithoutAStage_asTemporalDoes(WorkflowClient client, WorkflowOptions options) {
    WorkflowStub cart = startCart(client, options, "cart-4");

    assertThrows(IllegalStateException.class, () -> cart.startUpdate(
        UpdateOptions.newBuilder(Integer.class).setUpdateName("addItem").build(), "tea"));
    cart.terminate("test done");
  }

  @Test
  void typedStartUpdate_shouldTakeNameAndResultTypeFromTheMethod_whenOptionsGiveOnlyTheStage(WorkflowClient client,
      WorkflowOptions options) {
    CartWorkflow cart = client.newWorkflowStub(CartWorkflow.class, options.toBuilder().setWorkflowId("cart-5").build());
    WorkflowClient.start(cart::shop);

    WorkflowUpdateHandle<Integer> byStage = WorkflowClient.startUpdate(cart::addItem, "tea", WorkflowUpdateStage.ACCEPTED);
    WorkflowUpdateHandle<Integer> byOptions = WorkflowClient.startUpdate(cart::addItem, "milk",
        UpdateOptions.<Integer>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build());

    assertEquals(1, byStage.getResult());
    assertEquals(2, byOptions.getResult());
    cart.checkout();
    assertEquals(List.of("tea", "milk"), WorkflowStub.fromTyped(cart).getResult(List.class));
  }

  @Test
  void untypedUpdateWithStart_shouldStartTheRunAndSkipTheHandlersMinute_whenNoRunIsOpen(WorkflowClient client,
      WorkflowOptions options) {
    WorkflowStub cart = client.newUntypedWorkflowStub("CartWorkflow", options.toBuilder().setWorkflowId("cart-6")
        .setWorkflowIdConflictPolicy(dev.cairn.api.enums.v1.WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .build());
    UpdateOptions<Integer> addTea = UpdateOptions.newBuilder(Integer.class).setUpdateName("addItem")
        .setWaitForStage(WorkflowUpdateStage.ACCEPTED).build();

    long before = System.nanoTime();
    int size = cart.executeUpdateWithStart(addTea, new Object[] {"tea"}, new Object[0]);

    assertEquals(1, size);
    assertEquals("cart-6", cart.getExecution().getWorkflowId());
    assertEquals(true, System.nanoTime() - before < TimeUnit.SECONDS.toNanos(30), "the handler's minute was skipped");
    cart.signal("checkout");
    assertEquals(List.of("tea"), cart.getResult(List.class));
  }
}
