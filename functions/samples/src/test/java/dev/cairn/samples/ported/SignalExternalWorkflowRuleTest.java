package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.ExternalWorkflowStub;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * A workflow signals and cancels another by id, as Temporal's {@code Workflow.newExternalWorkflowStub}
 * does: an order reserves items at a warehouse workflow, or withdraws and cancels it.
 */
public class SignalExternalWorkflowRuleTest {
  @WorkflowInterface
  public interface WarehouseWorkflow {
    @WorkflowMethod
    List<String> run();

    @SignalMethod
    void reserve(String item);

    @SignalMethod
    void close();
  }

  public static class WarehouseWorkflowImpl implements WarehouseWorkflow {
    private final List<String> reserved = new ArrayList<>();
    private boolean closed;

    @Override
    public List<String> run() {
      Workflow.await(() -> closed);
      return reserved;
    }

    @Override
    public void reserve(String item) {
      reserved.add(item);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @WorkflowInterface
  public interface WithdrawWorkflow {
    @WorkflowMethod
    String withdraw(String warehouseId);
  }

  public static class WithdrawWorkflowImpl implements WithdrawWorkflow {
    @Override
    public String withdraw(String warehouseId) {
      ExternalWorkflowStub warehouse = Workflow.newUntypedExternalWorkflowStub(warehouseId);
      warehouse.cancel("order withdrawn");
      return "withdrawn from " + warehouse.getExecution().getWorkflowId();
    }
  }

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(WarehouseWorkflowImpl.class, PlaceOrderWorkflowImpl.class, WithdrawWorkflowImpl.class)
      .build();

  @WorkflowInterface
  public interface PlaceOrderWorkflow {
    @WorkflowMethod
    String order(String warehouseId, List<String> items);
  }

  public static class PlaceOrderWorkflowImpl implements PlaceOrderWorkflow {
    @Override
    public String order(String warehouseId, List<String> items) {
      WarehouseWorkflow warehouse = Workflow.newExternalWorkflowStub(WarehouseWorkflow.class, warehouseId);
      for (String item : items) {
        warehouse.reserve(item);
      }
      warehouse.close();
      return "ordered " + items.size();
    }
  }

  private <T> T stub(Class<T> type, String workflowId) {
    return testWorkflowRule.getWorkflowClient().newWorkflowStub(type,
        WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
  }

  private WarehouseWorkflow startWarehouse(String workflowId) {
    WarehouseWorkflow warehouse = stub(WarehouseWorkflow.class, workflowId);
    WorkflowClient.start(warehouse::run);
    return warehouse;
  }

  private long count(String workflowId, EventType type) {
    return testWorkflowRule.getWorkflowClient().fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == type).count();
  }

  @Test
  public void order_shouldReserveEachItemAtTheWarehouse_whenTheWarehouseIsRunning() {
    WarehouseWorkflow warehouse = startWarehouse("warehouse-1");

    assertEquals("ordered 2", stub(PlaceOrderWorkflow.class, "order-1").order("warehouse-1", List.of("lamp", "desk")));

    assertEquals(List.of("lamp", "desk"), WorkflowStub.fromTyped(warehouse).getResult(List.class));
    assertEquals(3, count("order-1", EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED));
    assertEquals(3, count("warehouse-1", EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED));
  }

  @Test
  public void order_shouldFailWithNotFound_whenNoWarehouseHasTheId() {
    PlaceOrderWorkflow order = stub(PlaceOrderWorkflow.class, "order-2");

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> order.order("no-such-warehouse", List.of("lamp")));

    ApplicationFailure cause = (ApplicationFailure) e.getCause();
    assertEquals("SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND", cause.getType());
    assertTrue(cause.getOriginalMessage(), cause.getOriginalMessage().contains("WorkflowId=no-such-warehouse"));
    assertEquals(1, count("order-2", EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED));
  }

  @Test
  public void withdraw_shouldCancelTheWarehouse_whenItIsRunning() {
    WarehouseWorkflow warehouse = startWarehouse("warehouse-3");

    assertEquals("withdrawn from warehouse-3", stub(WithdrawWorkflow.class, "withdraw-3").withdraw("warehouse-3"));

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(warehouse).getResult(List.class));
    assertTrue(e.getCause() instanceof CanceledFailure);
    assertEquals(1, count("withdraw-3", EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED));
    assertEquals(1, count("warehouse-3", EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED));
  }
}
