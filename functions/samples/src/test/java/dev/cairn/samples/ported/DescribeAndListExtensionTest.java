package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.api.workflow.v1.PendingActivityInfo;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowExecutionDescription;
import dev.cairn.client.WorkflowExecutionMetadata;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.RetryOptions;
import dev.cairn.common.SearchAttributeKey;
import dev.cairn.common.SearchAttributeUpdate;
import dev.cairn.common.SearchAttributes;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a Temporal user reaches for to see what a workflow did: {@code WorkflowStub.describe()} on
 * running, completed, retrying, child and continued-as-new runs, and {@code listExecutions} /
 * {@code countWorkflows} with status and search-attribute queries.
 */
class DescribeAndListExtensionTest {
  static final SearchAttributeKey<String> CUSTOMER_ID = SearchAttributeKey.forKeyword("CustomerId");
  static final SearchAttributeKey<Long> PRIORITY = SearchAttributeKey.forLong("Priority");
  static final SearchAttributeKey<String> SHIPMENT_STATUS = SearchAttributeKey.forKeyword("ShipmentStatus");

  @WorkflowInterface
  public interface ShipmentWorkflow {
    @WorkflowMethod
    String ship(String orderId);

    @SignalMethod
    void delivered();
  }

  /** Publishes its progress as ShipmentStatus: IN_TRANSIT until the courier's signal, then DELIVERED. */
  public static class ShipmentWorkflowImpl implements ShipmentWorkflow {
    private boolean delivered;

    @Override
    public String ship(String orderId) {
      Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(SHIPMENT_STATUS, "IN_TRANSIT"));
      Workflow.await(() -> delivered);
      Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(SHIPMENT_STATUS, "DELIVERED"));
      return orderId + " delivered";
    }

    @Override
    public void delivered() {
      delivered = true;
    }
  }

  @ActivityInterface
  public interface LabelPrinter {
    String printLabel(String orderId);
  }

  @WorkflowInterface
  public interface LabelWorkflow {
    @WorkflowMethod
    String label(String orderId);
  }

  /** Retries the printer an hour later when it fails. */
  public static class LabelWorkflowImpl implements LabelWorkflow {
    private final LabelPrinter printer = Workflow.newActivityStub(LabelPrinter.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofHours(1)).setMaximumAttempts(3).build())
        .build());

    @Override
    public String label(String orderId) {
      return printer.printLabel(orderId);
    }
  }

  @WorkflowInterface
  public interface BatchWorkflow {
    /** Handles one batch per run and continues as new for the next. */
    @WorkflowMethod
    int process(int batch, int lastBatch);
  }

  public static class BatchWorkflowImpl implements BatchWorkflow {
    @Override
    public int process(int batch, int lastBatch) {
      if (batch < lastBatch) {
        Workflow.continueAsNew(batch + 1, lastBatch);
      }
      return batch;
    }
  }

  @WorkflowInterface
  public interface DispatchWorkflow {
    /** Ships the order as a child workflow of the id {@code "shipment-of-" + orderId}. */
    @WorkflowMethod
    String dispatch(String orderId);
  }

  public static class DispatchWorkflowImpl implements DispatchWorkflow {
    @Override
    public String dispatch(String orderId) {
      LabelWorkflow child = Workflow.newChildWorkflowStub(LabelWorkflow.class,
          ChildWorkflowOptions.newBuilder().setWorkflowId("shipment-of-" + orderId).build());
      return child.label(orderId);
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(ShipmentWorkflowImpl.class, LabelWorkflowImpl.class, BatchWorkflowImpl.class,
          DispatchWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private static LabelPrinter startWithPrinter(TestWorkflowEnvironment testEnv, Worker worker, int failures) {
    LabelPrinter printer = mock(LabelPrinter.class, withSettings().withoutAnnotations());
    var stubbing = when(printer.printLabel(anyString()));
    for (int i = 0; i < failures; i++) {
      stubbing = stubbing.thenThrow(new IllegalStateException("printer jammed"));
    }
    stubbing.thenAnswer(call -> "label for " + call.getArgument(0));
    worker.registerActivitiesImplementations(printer);
    testEnv.start();
    return printer;
  }

  private static ShipmentWorkflow startShipment(WorkflowClient client, WorkflowOptions options, String workflowId,
      String customerId) {
    ShipmentWorkflow shipment = client.newWorkflowStub(ShipmentWorkflow.class, WorkflowOptions.newBuilder(options)
        .setWorkflowId(workflowId)
        .setMemo(Map.of("owner", "logistics", "parcels", 3))
        .setTypedSearchAttributes(SearchAttributes.newBuilder().set(CUSTOMER_ID, customerId).set(PRIORITY, 2L).build())
        .build());
    WorkflowClient.start(shipment::ship, workflowId.replace("shipment-", "order-"));
    return shipment;
  }

  @Test
  void describe_shouldShowTheRunningRunWithMemoAndUpsertedAttributes_whenItWaitsForASignal(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithPrinter(testEnv, worker, 0);
    ShipmentWorkflow shipment = startShipment(client, options, "shipment-1", "c-1");
    testEnv.sleep(Duration.ofMinutes(1)); // the first decision runs and upserts

    WorkflowExecutionDescription d = WorkflowStub.fromTyped(shipment).describe();

    assertEquals(WorkflowStub.fromTyped(shipment).getExecution(), d.getExecution());
    assertEquals("ShipmentWorkflow", d.getWorkflowType());
    assertEquals(options.getTaskQueue(), d.getTaskQueue());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, d.getStatus());
    assertNull(d.getCloseTime());
    assertEquals(d.getStartTime(), d.getExecutionTime(), "no start delay");
    assertNull(d.getParentExecution());
    assertEquals(client.fetchHistory("shipment-1").getEvents().size(), d.getHistoryLength());
    assertEquals("logistics", d.getMemo("owner", String.class));
    assertEquals(3, d.getMemo("parcels", Integer.class));
    assertNull(d.getMemo("no-such-memo", String.class));
    SearchAttributes attributes = d.getTypedSearchAttributes();
    assertEquals("c-1", attributes.get(CUSTOMER_ID));
    assertEquals(2L, attributes.get(PRIORITY));
    assertEquals("IN_TRANSIT", attributes.get(SHIPMENT_STATUS));
    assertEquals(3, attributes.size(), attributes.toString());
    assertTrue(d.getPendingActivities().isEmpty());
  }

  @Test
  void describe_shouldShowCloseTimeHistoryLengthAndTheLastUpsert_whenTheRunCompleted(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithPrinter(testEnv, worker, 0);
    ShipmentWorkflow shipment = startShipment(client, options, "shipment-2", "c-2");
    shipment.delivered();
    assertEquals("order-2 delivered", WorkflowStub.fromTyped(shipment).getResult(String.class));

    WorkflowExecutionDescription d = client.newUntypedWorkflowStub("shipment-2").describe();

    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, d.getStatus());
    assertEquals(WorkflowStub.fromTyped(shipment).getExecution().getRunId(), d.getExecution().getRunId());
    assertTrue(!d.getCloseTime().isBefore(d.getStartTime()), d.toString());
    assertEquals(client.fetchHistory("shipment-2").getEvents().size(), d.getHistoryLength());
    assertEquals("DELIVERED", d.getTypedSearchAttributes().get(SHIPMENT_STATUS));
    assertEquals("logistics", d.getMemo("owner", String.class));
  }

  @Test
  void describe_shouldShowTheDelayedExecutionTime_whenStartedWithAStartDelay(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithPrinter(testEnv, worker, 0);
    WorkflowStub delayed = client.newUntypedWorkflowStub("ShipmentWorkflow",
        WorkflowOptions.newBuilder(options).setWorkflowId("shipment-delayed").setStartDelay(Duration.ofHours(2)).build());
    delayed.start("order-delayed");

    WorkflowExecutionDescription d = delayed.describe();

    assertEquals(d.getStartTime().plus(Duration.ofHours(2)), d.getExecutionTime());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, d.getStatus());
    delayed.terminate("end of the test");
  }

  @Test
  void describe_shouldShowTheAttemptAndLastFailure_whenAnActivityWaitsToBeRetried(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client, WorkflowOptions options) {
    LabelPrinter printer = startWithPrinter(testEnv, worker, 1);
    LabelWorkflow label = client.newWorkflowStub(LabelWorkflow.class,
        WorkflowOptions.newBuilder(options).setWorkflowId("label-1").build());
    WorkflowClient.start(label::label, "order-9");
    testEnv.sleep(Duration.ofMinutes(1)); // the first attempt fails; the next is due an hour after it

    WorkflowExecutionDescription retrying = WorkflowStub.fromTyped(label).describe();

    assertEquals(1, retrying.getPendingActivities().size(), retrying.toString());
    PendingActivityInfo pending = retrying.getPendingActivities().get(0);
    assertEquals("PrintLabel", pending.getActivityType());
    assertEquals(2, pending.getAttempt());
    assertTrue(pending.hasLastFailure());
    assertEquals("printer jammed", pending.getLastFailure().message());
    Instant now = Instant.ofEpochMilli(testEnv.currentTimeMillis());
    assertTrue(pending.getNextAttemptScheduleTime().isAfter(now)
        && !pending.getNextAttemptScheduleTime().isAfter(now.plus(Duration.ofHours(1))), pending.toString());

    assertEquals("label for order-9", WorkflowStub.fromTyped(label).getResult(String.class));
    assertTrue(WorkflowStub.fromTyped(label).describe().getPendingActivities().isEmpty());
    verify(printer, times(2)).printLabel("order-9");
  }

  @Test
  void describe_shouldNameTheParent_whenTheRunIsAChildWorkflow(TestWorkflowEnvironment testEnv, Worker worker,
      WorkflowClient client, WorkflowOptions options) {
    startWithPrinter(testEnv, worker, 0);
    DispatchWorkflow dispatch = client.newWorkflowStub(DispatchWorkflow.class,
        WorkflowOptions.newBuilder(options).setWorkflowId("dispatch-1").build());

    assertEquals("label for order-5", dispatch.dispatch("order-5"));

    WorkflowExecution parent = WorkflowStub.fromTyped(dispatch).getExecution();
    WorkflowExecutionDescription child = client.newUntypedWorkflowStub("shipment-of-order-5").describe();
    assertEquals(parent, child.getParentExecution());
    assertNull(WorkflowStub.fromTyped(dispatch).describe().getParentExecution());
  }

  @Test
  void describe_shouldThrowWorkflowNotFound_whenNoSuchWorkflowExists(TestWorkflowEnvironment testEnv, Worker worker,
      WorkflowClient client) {
    startWithPrinter(testEnv, worker, 0);

    assertThrows(WorkflowNotFoundException.class, () -> client.newUntypedWorkflowStub("no-such-shipment").describe());
  }

  @Test
  void listExecutions_shouldFindRunsByStatusAndSearchAttribute_whenSeveralShipmentsRun(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithPrinter(testEnv, worker, 0);
    startShipment(client, options, "shipment-a", "c-a");
    ShipmentWorkflow b = startShipment(client, options, "shipment-b", "c-b");
    startShipment(client, options, "shipment-c", "c-c");
    b.delivered();
    WorkflowStub.fromTyped(b).getResult(String.class);

    List<String> running = client.listExecutions("WorkflowType = 'ShipmentWorkflow' AND ExecutionStatus = 'Running'")
        .map(m -> m.getExecution().getWorkflowId()).sorted().toList();
    List<WorkflowExecutionMetadata> delivered = client.listExecutions("ShipmentStatus = 'DELIVERED'").toList();
    List<WorkflowExecutionMetadata> ofCustomer = client.listExecutions("CustomerId = 'c-c' AND Priority = 2").toList();

    assertEquals(List.of("shipment-a", "shipment-c"), running);
    assertEquals(1, delivered.size(), delivered.toString());
    assertEquals("shipment-b", delivered.get(0).getExecution().getWorkflowId());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, delivered.get(0).getStatus());
    assertEquals("logistics", delivered.get(0).getMemo("owner", String.class), "a listed run's memo reads back");
    assertEquals(1, ofCustomer.size(), ofCustomer.toString());
    assertEquals("c-c", ofCustomer.get(0).getTypedSearchAttributes().get(CUSTOMER_ID));
    assertEquals(2, client.countWorkflows("ExecutionStatus = 'Running'").getCount());
    assertEquals(3, client.countWorkflows("WorkflowType = 'ShipmentWorkflow'").getCount());
    assertThrows(IllegalArgumentException.class, () -> client.listExecutions("CustomerId = 'c-a' OR Priority > 1"));
  }

  @Test
  void describeAndList_shouldShowEveryRunAndCarryTheMemo_whenTheWorkflowContinuesAsNew(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithPrinter(testEnv, worker, 0);
    BatchWorkflow batches = client.newWorkflowStub(BatchWorkflow.class, WorkflowOptions.newBuilder(options)
        .setWorkflowId("batches")
        .setMemo(Map.of("owner", "billing"))
        .setTypedSearchAttributes(SearchAttributes.newBuilder().set(CUSTOMER_ID, "c-9").build())
        .build());

    assertEquals(3, batches.process(1, 3));

    WorkflowExecutionDescription first = WorkflowStub.fromTyped(batches).describe(); // the run this stub started
    WorkflowExecutionDescription latest = client.newUntypedWorkflowStub("batches").describe();
    // newest first; runs started in the same instant (time does not pass in this test) keep no chain order
    List<WorkflowExecutionMetadata> runs = client.listExecutions("WorkflowId = 'batches'").toList();
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW, first.getStatus());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, latest.getStatus());
    assertEquals(3, runs.size(), runs.toString());
    assertEquals(List.of(latest.getExecution()), runs.stream()
        .filter(r -> r.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED)
        .map(WorkflowExecutionMetadata::getExecution).toList());
    assertTrue(runs.stream().anyMatch(r -> r.getExecution().equals(first.getExecution())), runs.toString());
    assertEquals("billing", latest.getMemo("owner", String.class), "continue-as-new keeps the memo");
    assertEquals("c-9", latest.getTypedSearchAttributes().get(CUSTOMER_ID), "and the search attributes");
    for (WorkflowExecutionMetadata run : runs) {
      WorkflowExecutionDescription d = client.newUntypedWorkflowStub("batches",
          Optional.of(run.getExecution().getRunId()), Optional.empty()).describe();
      assertEquals(run.getStatus(), d.getStatus());
      assertEquals(run.getHistoryLength(), d.getHistoryLength());
      assertFalse(d.getHistoryLength() == 0);
    }
    assertEquals(2, client.countWorkflows("WorkflowId = 'batches' AND ExecutionStatus = 'ContinuedAsNew'").getCount());
  }
}
