package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.ExternalWorkflowExecutionCancelRequested;
import dev.cairn.internal.history.EventAttributes.ExternalWorkflowExecutionSignaled;
import dev.cairn.internal.history.EventAttributes.SignalExternalWorkflowExecutionFailed;
import dev.cairn.internal.history.EventAttributes.SignalExternalWorkflowExecutionInitiated;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionCancelRequested;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionSignaled;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.CancelExternalWorkflowException;
import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.ExternalWorkflowStub;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signals and cancel requests from one workflow to another, as Temporal's external workflow stubs send them. */
class ExternalWorkflowTest {
  static final String NOT_FOUND_TYPE = "SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND";

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(WarehouseOrders.WarehouseImpl.class, WarehouseOrders.OrderImpl.class,
          WarehouseOrders.ChildSignallerImpl.class)
      .build();

  private static WorkflowStub startWarehouse(WorkflowClient client, WorkflowOptions options, String id) {
    WorkflowStub warehouse = client.newUntypedWorkflowStub("Warehouse", WorkflowOptions.newBuilder(options).setWorkflowId(id).build());
    warehouse.start();
    return warehouse;
  }

  private static String order(WorkflowClient client, WorkflowOptions options, String id, String target, String how) {
    return client.newWorkflowStub(WarehouseOrders.Order.class, WorkflowOptions.newBuilder(options).setWorkflowId(id).build()).place(target, how);
  }

  private static <T extends EventAttributes> List<T> events(WorkflowClient client, String workflowId, Class<T> kind) {
    return HistoryWait.history(client, workflowId).stream().map(HistoryEvent::attributes).filter(kind::isInstance)
        .map(kind::cast).toList();
  }

  @Test
  void typedExternalStub_shouldSignalTheWorkflowAndReturnOnceDelivered_whenItIsRunning(WorkflowClient client,
      WorkflowOptions options) {
    WorkflowStub warehouse = startWarehouse(client, options, "warehouse-1");

    assertEquals("reserved", order(client, options, "order-1", "warehouse-1", "typed"));

    assertEquals(List.of("lamp"), warehouse.getResult(List.class));
    String warehouseRun = warehouse.getExecution().getRunId();
    assertEquals(List.of(warehouseRun, warehouseRun), events(client, "order-1", ExternalWorkflowExecutionSignaled.class)
        .stream().map(ExternalWorkflowExecutionSignaled::runId).toList(), "both signals reached the warehouse's run");
    assertEquals(List.of("reserve", "close"), events(client, "warehouse-1", WorkflowExecutionSignaled.class).stream()
        .map(WorkflowExecutionSignaled::signalName).toList());
    WorkflowReplayer.replayWorkflowExecution(client.fetchHistory("order-1"), WarehouseOrders.OrderImpl.class);
  }

  @Test
  void asyncSignals_shouldBothBeDelivered_whenSentWithAsyncProcedure(WorkflowClient client, WorkflowOptions options) {
    WorkflowStub warehouse = startWarehouse(client, options, "warehouse-2");

    assertEquals("reserved both", order(client, options, "order-2", "warehouse-2", "async"));

    // Two signals sent in one decision are two deliveries: they reach the warehouse in either order.
    List<?> items = warehouse.getResult(List.class);
    assertEquals(java.util.Set.of("chair", "table"), java.util.Set.copyOf(items));
    assertEquals(2, items.size());
    WorkflowReplayer.replayWorkflowExecution(client.fetchHistory("order-2"), WarehouseOrders.OrderImpl.class);
  }

  @Test
  void untypedStubWithRunId_shouldSignalThatRun_whenItIsOpen(WorkflowClient client, WorkflowOptions options) {
    WorkflowStub warehouse = startWarehouse(client, options, "warehouse-3");
    String runId = warehouse.getExecution().getRunId();

    assertEquals("reserved at " + runId, order(client, options, "order-3", "warehouse-3", runId));

    assertEquals(List.of("desk"), warehouse.getResult(List.class));
  }

  @Test
  void signal_shouldFailWithNotFound_whenNoWorkflowHasTheId(WorkflowClient client, WorkflowOptions options) {
    String result = order(client, options, "order-4", "no-such-warehouse", "missing");

    assertTrue(result.startsWith(NOT_FOUND_TYPE + ": SignalExternalWorkflowExecution failed with "
        + "EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND. WorkflowId=no-such-warehouse, runId="), result);
    assertEquals(List.of("EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND"), events(client, "order-4",
        SignalExternalWorkflowExecutionFailed.class).stream().map(SignalExternalWorkflowExecutionFailed::cause).toList());
    WorkflowReplayer.replayWorkflowExecution(client.fetchHistory("order-4"), WarehouseOrders.OrderImpl.class);
  }

  @Test
  void signal_shouldFailWithNotFound_whenTheWorkflowIsClosed(WorkflowClient client, WorkflowOptions options) {
    WorkflowStub warehouse = startWarehouse(client, options, "warehouse-5");
    warehouse.signal("close");
    warehouse.getResult(List.class);

    String result = order(client, options, "order-5", "warehouse-5", warehouse.getExecution().getRunId());

    assertTrue(result.startsWith(NOT_FOUND_TYPE), result);
    assertEquals(List.of("close"), events(client, "warehouse-5", WorkflowExecutionSignaled.class).stream()
        .map(WorkflowExecutionSignaled::signalName).toList(), "the closed run got nothing");
  }

  @Test
  void signal_shouldFailWithNotFound_whenAWorkflowSignalsItself(WorkflowClient client, WorkflowOptions options) {
    assertEquals(NOT_FOUND_TYPE, order(client, options, "order-6", "unused", "self"));
  }

  @Test
  void signal_shouldFailWithCanceledFailureAndSendNothing_whenItsScopeIsCancelledBeforeTheDecisionEnds(
      WorkflowClient client, WorkflowOptions options) {
    WorkflowStub warehouse = startWarehouse(client, options, "warehouse-7");

    assertEquals(CanceledFailure.class.getSimpleName(), order(client, options, "order-7", "warehouse-7", "canceledScope"));

    assertEquals(List.of(), events(client, "order-7", SignalExternalWorkflowExecutionInitiated.class));
    assertEquals(List.of(), events(client, "warehouse-7", WorkflowExecutionSignaled.class));
    warehouse.terminate("done");
  }

  @Test
  void cancel_shouldCancelTheWorkflowWithTheReason_whenItIsRunning(WorkflowClient client, WorkflowOptions options) {
    WorkflowStub warehouse = startWarehouse(client, options, "warehouse-8");

    assertEquals("cancel requested", order(client, options, "order-8", "warehouse-8", "cancel"));

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> warehouse.getResult(List.class));
    assertInstanceOf(CanceledFailure.class, e.getCause());
    assertEquals(List.of("order withdrawn"), events(client, "warehouse-8", WorkflowExecutionCancelRequested.class).stream()
        .map(WorkflowExecutionCancelRequested::cause).toList());
    assertEquals(1, events(client, "order-8", ExternalWorkflowExecutionCancelRequested.class).size());
    WorkflowReplayer.replayWorkflowExecution(client.fetchHistory("order-8"), WarehouseOrders.OrderImpl.class);
  }

  @Test
  void cancel_shouldThrowCancelExternalWorkflowException_whenNoWorkflowHasTheId(WorkflowClient client,
      WorkflowOptions options) {
    assertEquals("cannot cancel nobody-there", order(client, options, "order-9", "nobody-there", "cancelMissing"));
    assertEquals(1, events(client, "order-9", EventAttributes.RequestCancelExternalWorkflowExecutionFailed.class).size());
    WorkflowReplayer.replayWorkflowExecution(client.fetchHistory("order-9"), WarehouseOrders.OrderImpl.class);
  }

  @Test
  void childStubSignal_shouldReachTheChild_whenTheChildHasStarted(WorkflowClient client, WorkflowOptions options) {
    List<String> items = client.newWorkflowStub(WarehouseOrders.ChildSignaller.class,
        WorkflowOptions.newBuilder(options).setWorkflowId("parent-10").build()).run();

    assertEquals(List.of("pen"), items);
    SignalExternalWorkflowExecutionInitiated first = events(client, "parent-10", SignalExternalWorkflowExecutionInitiated.class).get(0);
    assertTrue(first.childWorkflowOnly(), "a signal through a child stub is marked as one to a child");
    WorkflowReplayer.replayWorkflowExecution(client.fetchHistory("parent-10"), WarehouseOrders.ChildSignallerImpl.class);
  }
}
