package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.enums.v1.WorkflowIdConflictPolicy;
import dev.cairn.client.UpdateOptions;
import dev.cairn.client.WithStartWorkflowOperation;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.client.WorkflowUpdateHandle;
import dev.cairn.client.WorkflowUpdateStage;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.UpdateValidatorMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * Update-with-start as a Temporal user writes it: a shopping cart that the first "add item" opens
 * (the workflow starts with the update) and later ones reach while it is open (USE_EXISTING).
 */
public class UpdateWithStartRuleTest {

  @WorkflowInterface
  public interface ShoppingCartWorkflow {
    /** Returns the receipt once the customer checks out. */
    @WorkflowMethod
    String shop(String customer);

    /** Prices the item and returns how many items the cart holds. */
    @UpdateMethod
    int addItem(String sku);

    @UpdateValidatorMethod(updateName = "addItem")
    void validateAddItem(String sku);

    @SignalMethod
    void checkout();
  }

  @ActivityInterface
  public interface PricingActivities {
    int price(String sku);
  }

  public static class ShoppingCartWorkflowImpl implements ShoppingCartWorkflow {
    private final PricingActivities pricing = Workflow.newActivityStub(PricingActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
    private final List<String> items = new ArrayList<>();
    private int total;
    private boolean checkedOut;

    @Override
    public String shop(String customer) {
      Workflow.await(() -> checkedOut);
      return customer + ": " + items + " = " + total;
    }

    @Override
    public int addItem(String sku) {
      total += pricing.price(sku);
      items.add(sku);
      return items.size();
    }

    @Override
    public void validateAddItem(String sku) {
      if (sku == null || sku.isBlank()) {
        throw new IllegalArgumentException("an item needs a SKU");
      }
    }

    @Override
    public void checkout() {
      checkedOut = true;
    }
  }

  private final PricingActivities pricing = mock(PricingActivities.class, withSettings().withoutAnnotations());

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(ShoppingCartWorkflowImpl.class)
      .setActivityImplementations(pricing)
      .build();

  private ShoppingCartWorkflow cart(String cartId, WorkflowIdConflictPolicy conflictPolicy) {
    return testWorkflowRule.getWorkflowClient().newWorkflowStub(ShoppingCartWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(cartId)
        .setTaskQueue(testWorkflowRule.getTaskQueue())
        .setWorkflowIdConflictPolicy(conflictPolicy)
        .build());
  }

  private static UpdateOptions<Integer> completed() {
    return UpdateOptions.<Integer>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build();
  }

  private long acceptedUpdates(String cartId) {
    return testWorkflowRule.getWorkflowClient().fetchHistory(cartId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED).count();
  }

  @Test
  public void startUpdateWithStart_shouldOpenTheCartThenReachIt_whenCalledTwiceWithUseExisting() {
    when(pricing.price("apple")).thenReturn(2);
    when(pricing.price("pear")).thenReturn(3);
    ShoppingCartWorkflow cart = cart("cart-ann", WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
    WithStartWorkflowOperation<String> openCart = new WithStartWorkflowOperation<>(cart::shop, "ann");

    WorkflowUpdateHandle<Integer> first = WorkflowClient.startUpdateWithStart(cart::addItem, "apple", completed(), openCart);
    assertEquals(Integer.valueOf(1), first.getResult());

    ShoppingCartWorkflow sameCart = cart("cart-ann", WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
    WithStartWorkflowOperation<String> reachCart = new WithStartWorkflowOperation<>(sameCart::shop, "ann");
    int count = WorkflowClient.executeUpdateWithStart(sameCart::addItem, "pear", completed(), reachCart);

    assertEquals(2, count);
    assertEquals("the second call reached the open run", openCart.getExecution().getRunId(),
        reachCart.getExecution().getRunId());
    assertEquals(openCart.getExecution(), first.getExecution());
    cart.checkout();
    assertEquals("ann: [apple, pear] = 5", openCart.getResult());
    verify(pricing).price("apple");
    verify(pricing).price("pear");
  }

  @Test
  public void startUpdateWithStart_shouldThrowButLeaveTheCartStarted_whenTheValidatorRejects() {
    ShoppingCartWorkflow cart = cart("cart-bob", WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL);
    WithStartWorkflowOperation<String> openCart = new WithStartWorkflowOperation<>(cart::shop, "bob");

    WorkflowUpdateException e = assertThrows(WorkflowUpdateException.class,
        () -> WorkflowClient.startUpdateWithStart(cart::addItem, " ", completed(), openCart));

    assertTrue(String.valueOf(e.getCause()), e.getCause().getMessage().contains("an item needs a SKU"));
    assertEquals("a rejected update records nothing", 0, acceptedUpdates("cart-bob"));
    cart.checkout();
    assertEquals("the workflow started all the same", "bob: [] = 0", openCart.getResult());
    verify(pricing, never()).price(anyString());
  }

  @Test
  public void startUpdateWithStart_shouldBeOneUpdate_whenRetriedWithTheSameUpdateId() {
    when(pricing.price("apple")).thenReturn(2);
    UpdateOptions<Integer> addApple = completed().toBuilder().setUpdateId("add-apple-1").build();
    ShoppingCartWorkflow cart = cart("cart-cy", WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
    WithStartWorkflowOperation<String> openCart = new WithStartWorkflowOperation<>(cart::shop, "cy");
    WorkflowUpdateHandle<Integer> first = WorkflowClient.startUpdateWithStart(cart::addItem, "apple", addApple, openCart);

    ShoppingCartWorkflow retry = cart("cart-cy", WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
    WorkflowUpdateHandle<Integer> again = WorkflowClient.startUpdateWithStart(retry::addItem, "apple", addApple,
        new WithStartWorkflowOperation<>(retry::shop, "cy"));

    assertEquals("add-apple-1", again.getId());
    assertEquals(first.getResult(), again.getResult());
    assertEquals(1, acceptedUpdates("cart-cy"));
    cart.checkout();
    assertEquals("cy: [apple] = 2", openCart.getResult());
    verify(pricing, times(1)).price("apple");
  }

  @Test
  public void startUpdateWithStart_shouldThrowAlreadyStarted_whenTheCartIsOpenAndThePolicyIsFail() {
    when(pricing.price(anyString())).thenReturn(1);
    ShoppingCartWorkflow cart = cart("cart-dee", WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL);
    WithStartWorkflowOperation<String> openCart = new WithStartWorkflowOperation<>(cart::shop, "dee");
    WorkflowClient.executeUpdateWithStart(cart::addItem, "apple", completed(), openCart);

    ShoppingCartWorkflow second = cart("cart-dee", WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL);
    assertThrows(WorkflowExecutionAlreadyStarted.class, () -> WorkflowClient.startUpdateWithStart(second::addItem,
        "pear", completed(), new WithStartWorkflowOperation<>(second::shop, "dee")));

    cart.checkout();
    assertEquals("dee: [apple] = 1", openCart.getResult());
  }

  @Test
  public void startUpdateWithStart_shouldRefuseClearly_whenNoConflictPolicyIsSetOrTheOperationIsReused() {
    ShoppingCartWorkflow unset = testWorkflowRule.newWorkflowStub(ShoppingCartWorkflow.class);
    IllegalStateException noPolicy = assertThrows(IllegalStateException.class, () -> WorkflowClient.startUpdateWithStart(
        unset::addItem, "apple", completed(), new WithStartWorkflowOperation<>(unset::shop, "eve")));
    assertTrue(noPolicy.getMessage(), noPolicy.getMessage().contains("WorkflowIdConflictPolicy"));

    when(pricing.price(anyString())).thenReturn(1);
    ShoppingCartWorkflow cart = cart("cart-eve", WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
    WithStartWorkflowOperation<String> openCart = new WithStartWorkflowOperation<>(cart::shop, "eve");
    WorkflowClient.executeUpdateWithStart(cart::addItem, "apple", completed(), openCart);
    IllegalStateException reused = assertThrows(IllegalStateException.class,
        () -> WorkflowClient.executeUpdateWithStart(cart::addItem, "pear", completed(), openCart));
    assertEquals("WithStartWorkflowOperation was already executed", reused.getMessage());
    cart.checkout();
    assertEquals("eve: [apple] = 1", openCart.getResult());
  }
}
