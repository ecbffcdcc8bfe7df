package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.withSettings;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowException;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.common.converter.Payload;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.TimeoutFailure;
import dev.cairn.samples.ported.Cart.CartWorkflow;
import dev.cairn.samples.ported.Cart.CartWorkflowImpl;
import dev.cairn.samples.ported.Cart.Parcel;
import dev.cairn.samples.ported.Cart.Shipping;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's exception types, a TimeoutFailure built by hand, and the global data converter. */
class ClientExceptionsExtensionTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CartWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private static Shipping startWithMockedShipping(TestWorkflowEnvironment testEnv, Worker worker) {
    Shipping shipping = mock(Shipping.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(shipping);
    testEnv.start();
    return shipping;
  }

  @Test
  void signal_shouldThrowWorkflowNotFoundException_whenNoWorkflowHasTheId(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client) {
    startWithMockedShipping(testEnv, worker);

    WorkflowNotFoundException e = assertThrows(WorkflowNotFoundException.class,
        () -> client.newWorkflowStub(CartWorkflow.class, "no-such-cart").addItem("ghost"));

    assertInstanceOf(WorkflowException.class, e);
    assertEquals("no-such-cart", e.getExecution().getWorkflowId());
  }

  @Test
  void start_shouldThrowAlreadyStartedNamingTheOpenRun_whenTheIdIsTaken(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithMockedShipping(testEnv, worker);
    WorkflowOptions withId = WorkflowOptions.newBuilder(options).setWorkflowId("cart-taken").build();
    WorkflowExecution open = WorkflowClient.start(client.newWorkflowStub(CartWorkflow.class, withId)::shop, "gil");

    WorkflowExecutionAlreadyStarted e = assertThrows(WorkflowExecutionAlreadyStarted.class,
        () -> WorkflowClient.start(client.newWorkflowStub(CartWorkflow.class, withId)::shop, "gil"));

    assertEquals(open.getWorkflowId(), e.getExecution().getWorkflowId());
    assertEquals(open.getRunId(), e.getExecution().getRunId());
  }

  @Test
  void update_shouldThrowWorkflowUpdateExceptionWithTheValidatorsFailure_whenTheItemIsNotInTheCart(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, CartWorkflow cart) {
    Shipping shipping = startWithMockedShipping(testEnv, worker);
    WorkflowExecution execution = WorkflowClient.start(cart::shop, "hal");
    cart.addItem("tea");

    WorkflowUpdateException e = assertThrows(WorkflowUpdateException.class, () -> cart.removeItem("coffee"));

    assertInstanceOf(WorkflowException.class, e);
    assertEquals(execution.getWorkflowId(), e.getExecution().getWorkflowId());
    assertEquals("removeItem", e.getUpdateName());
    ApplicationFailure rejection = assertInstanceOf(ApplicationFailure.class, e.getCause());
    assertEquals("NotInCart", rejection.getType());
    assertEquals(List.of("tea"), cart.items(), "a rejected update changes nothing");
    verifyNoInteractions(shipping);
  }

  @Test
  void getResult_shouldThrowWorkflowFailedExceptionWithATimeoutFailure_whenTheRunOutlivesItsRunTimeout(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithMockedShipping(testEnv, worker);
    CartWorkflow abandoned = client.newWorkflowStub(CartWorkflow.class,
        WorkflowOptions.newBuilder(options).setWorkflowRunTimeout(Duration.ofHours(1)).build());

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> abandoned.shop("ivy"));

    assertInstanceOf(WorkflowException.class, e);
    TimeoutFailure timeout = assertInstanceOf(TimeoutFailure.class, e.getCause());
    assertEquals(TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE, timeout.getTimeoutType());
  }

  @Test
  void timeoutFailure_shouldKeepItsTypeMessageAndDetails_whenBuiltByATest() {
    TimeoutFailure failure = new TimeoutFailure("packing took too long", "box 3 of 5",
        TimeoutType.TIMEOUT_TYPE_HEARTBEAT);

    assertEquals(TimeoutType.TIMEOUT_TYPE_HEARTBEAT, failure.getTimeoutType());
    assertEquals("packing took too long", failure.getOriginalMessage());
    assertTrue(failure.getMessage().contains("TIMEOUT_TYPE_HEARTBEAT"), failure.getMessage());
    assertEquals("box 3 of 5", failure.getLastHeartbeatDetails().get(String.class));
  }

  @Test
  void globalDataConverter_shouldRoundTripAValue_whenConvertedToAPayloadAndBack() {
    DataConverter converter = GlobalDataConverter.get();
    Parcel parcel = new Parcel("globe", "label:globe");

    Payload payload = converter.toPayload(parcel).orElseThrow();

    assertEquals(parcel, converter.fromPayload(payload, Parcel.class, Parcel.class));
  }
}
