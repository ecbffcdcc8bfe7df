package dev.cairn.tests.support;

import dev.cairn.common.SearchAttributeKey;
import dev.cairn.common.SearchAttributeUpdate;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;

/**
 * An order that publishes its progress as the search attribute {@code OrderStatus}: PACKED at once,
 * SHIPPED when the courier's signal comes, so an operator finds orders by status with
 * {@code GET /workflows?OrderStatus=...}.
 */
public final class TrackedOrder {
  public static final SearchAttributeKey<String> ORDER_STATUS = SearchAttributeKey.forKeyword("OrderStatus");

  private TrackedOrder() {}

  @WorkflowInterface
  public interface TrackedOrderWorkflow {
    @WorkflowMethod
    String track(String orderId);

    @SignalMethod
    void shipped();
  }

  public static class TrackedOrderWorkflowImpl implements TrackedOrderWorkflow {
    private boolean shipped;

    @Override
    public String track(String orderId) {
      Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(ORDER_STATUS, "PACKED"));
      Workflow.await(() -> shipped);
      Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(ORDER_STATUS, "SHIPPED"));
      return orderId + ":" + Workflow.getTypedSearchAttributes().get(ORDER_STATUS);
    }

    @Override
    public void shipped() {
      shipped = true;
    }
  }
}
