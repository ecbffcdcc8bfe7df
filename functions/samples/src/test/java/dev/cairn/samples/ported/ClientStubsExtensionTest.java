package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowIdConflictPolicy;
import dev.cairn.client.BatchRequest;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.WorkflowUpdateHandle;
import dev.cairn.client.WorkflowUpdateStage;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.failure.TerminatedFailure;
import dev.cairn.samples.ported.Cart.CartWorkflow;
import dev.cairn.samples.ported.Cart.CartWorkflowImpl;
import dev.cairn.samples.ported.Cart.Parcel;
import dev.cairn.samples.ported.Cart.Shipping;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's stubs as a Temporal user drives a workflow with them, under the JUnit 5 extension. */
class ClientStubsExtensionTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CartWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  /** {@code List<Parcel>}, the workflow method's generic result type, as getResult needs it. */
  private static final Type PARCELS = parcelsType();

  private static Type parcelsType() {
    try {
      return CartWorkflow.class.getMethod("shop", String.class).getGenericReturnType();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static Shipping startWithMockedShipping(TestWorkflowEnvironment testEnv, Worker worker) {
    Shipping shipping = mock(Shipping.class, withSettings().withoutAnnotations());
    when(shipping.label(anyString(), anyString())).thenAnswer(call -> "label:" + call.getArgument(1));
    worker.registerActivitiesImplementations(shipping);
    testEnv.start();
    return shipping;
  }

  private static WorkflowOptions withId(WorkflowOptions options, String workflowId) {
    return WorkflowOptions.newBuilder(options).setWorkflowId(workflowId).build();
  }

  @Test
  void newWorkflowStubById_shouldSignalAndAwaitTheRunningCart_whenOnlyItsIdIsKnown(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client, WorkflowOptions options) throws Exception {
    Shipping shipping = startWithMockedShipping(testEnv, worker);
    WorkflowClient.start(client.newWorkflowStub(CartWorkflow.class, withId(options, "cart-by-id"))::shop, "ann");

    CartWorkflow byId = client.newWorkflowStub(CartWorkflow.class, "cart-by-id");
    byId.addItem("book");
    byId.addItem("lamp");
    assertEquals(List.of("book", "lamp"), byId.items());
    byId.checkOut();

    List<Parcel> parcels = WorkflowStub.fromTyped(byId).getResult(10, TimeUnit.SECONDS, List.class, PARCELS);
    assertEquals(List.of(new Parcel("book", "label:book"), new Parcel("lamp", "label:lamp")), parcels);
    verify(shipping).label("ann", "book");
    verify(shipping).label("ann", "lamp");
  }

  @Test
  void untypedStubs_shouldStartUpdateAndFinishTheCart_whenAddressedByTypeThenByIdAndRun(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) throws Exception {
    startWithMockedShipping(testEnv, worker);
    WorkflowStub byType = client.newUntypedWorkflowStub("CartWorkflow", withId(options, "cart-untyped"));

    WorkflowExecution execution = byType.start("bob");

    assertEquals(execution, byType.getExecution());
    WorkflowStub byId = client.newUntypedWorkflowStub("cart-untyped");
    byId.signal("addItem", "pen");
    byId.signal("addItem", "ink");
    byId.signal("addItem", "pad");
    assertEquals(2, byId.update("removeItem", Integer.class, "ink"));
    WorkflowUpdateHandle<Integer> removal =
        byId.startUpdate("removeItem", WorkflowUpdateStage.ACCEPTED, Integer.class, "pad");
    assertEquals(1, removal.getResultAsync().get(10, TimeUnit.SECONDS));
    byId.signal("checkOut");

    WorkflowStub byRun = client.newUntypedWorkflowStub("cart-untyped", Optional.of(execution.getRunId()),
        Optional.of("CartWorkflow"));
    List<Parcel> parcels = byRun.getResult(10, TimeUnit.SECONDS, List.class, PARCELS);
    assertEquals(List.of(new Parcel("pen", "label:pen")), parcels);
  }

  @Test
  void signalWithStart_shouldStartTheCartWithTheItem_whenNoCartIsRunning(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithMockedShipping(testEnv, worker);
    CartWorkflow cart = client.newWorkflowStub(CartWorkflow.class, withId(options, "cart-sws-new"));

    BatchRequest request = client.newSignalWithStartRequest();
    request.add(cart::shop, "cid");
    request.add(cart::addItem, "kettle");
    WorkflowExecution started = client.signalWithStart(request);

    assertEquals("cart-sws-new", started.getWorkflowId());
    assertEquals(List.of("kettle"), cart.items());
    cart.checkOut();
    assertEquals(List.of(new Parcel("kettle", "label:kettle")),
        client.newUntypedWorkflowStub("cart-sws-new").getResult(List.class, PARCELS));
  }

  @Test
  void signalWithStart_shouldOnlySignalTheRunningCart_whenItRunsAlready(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithMockedShipping(testEnv, worker);
    CartWorkflow first = client.newWorkflowStub(CartWorkflow.class, withId(options, "cart-sws-running"));
    WorkflowExecution running = WorkflowClient.start(first::shop, "dan");
    first.addItem("mug");

    CartWorkflow again = client.newWorkflowStub(CartWorkflow.class, withId(options, "cart-sws-running"));
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(again::shop, "someone else");
    request.add(again::addItem, "spoon");
    WorkflowExecution signaled = client.signalWithStart(request);

    assertEquals(running.getRunId(), signaled.getRunId());
    assertEquals(List.of("mug", "spoon"), first.items());
  }

  @Test
  void cancel_shouldEndTheCartCanceled_whenTheCustomerLeaves(TestWorkflowEnvironment testEnv, Worker worker,
      WorkflowClient client, WorkflowOptions options) {
    Shipping shipping = startWithMockedShipping(testEnv, worker);
    WorkflowStub cart = client.newUntypedWorkflowStub("CartWorkflow", withId(options, "cart-left"));
    cart.start("eve");
    cart.signal("addItem", "scarf");

    cart.cancel("customer left the shop");

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> cart.getResult(List.class, PARCELS));
    assertInstanceOf(CanceledFailure.class, e.getCause());
    verify(shipping, never()).label(anyString(), anyString());
  }

  @Test
  void setWorkflowIdConflictPolicy_shouldFailUseOrReplaceTheOpenRun_whenAnotherStartUsesItsId(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithMockedShipping(testEnv, worker);
    WorkflowOptions base = WorkflowOptions.newBuilder(withId(options, "cart-conflict"))
        .setDisableEagerExecution(true).build();
    WorkflowExecution open = WorkflowClient.start(client.newWorkflowStub(CartWorkflow.class, base)::shop, "fay");

    CartWorkflow failing = client.newWorkflowStub(CartWorkflow.class, WorkflowOptions.newBuilder(base)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL).build());
    assertThrows(WorkflowExecutionAlreadyStarted.class, () -> WorkflowClient.start(failing::shop, "fay"));

    CartWorkflow existing = client.newWorkflowStub(CartWorkflow.class, WorkflowOptions.newBuilder(base)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING).build());
    assertEquals(open.getRunId(), WorkflowClient.start(existing::shop, "fay").getRunId());

    CartWorkflow replacing = client.newWorkflowStub(CartWorkflow.class, WorkflowOptions.newBuilder(base)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING).build());
    WorkflowExecution replaced = WorkflowClient.start(replacing::shop, "fay");
    assertNotEquals(open.getRunId(), replaced.getRunId());
    WorkflowStub oldRun = client.newUntypedWorkflowStub("cart-conflict", Optional.of(open.getRunId()), Optional.empty());
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> oldRun.getResult(List.class, PARCELS));
    assertInstanceOf(TerminatedFailure.class, e.getCause());
  }
}
