package dev.cairn.tests.support;

import dev.cairn.workflow.ExternalWorkflowStub;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Workflows that talk to another workflow by id: a stockroom collects restocked items until closed; a
 * restock order signals it each item then closes it; a shut-down order cancels it.
 */
public final class Stockroom {
  private Stockroom() {}

  @WorkflowInterface
  public interface StockroomWorkflow {
    @WorkflowMethod
    List<String> open(String name);

    @SignalMethod
    void restock(String item);

    @SignalMethod
    void close();
  }

  public static class StockroomWorkflowImpl implements StockroomWorkflow {
    private final List<String> items = new ArrayList<>();
    private boolean closed;

    @Override
    public List<String> open(String name) {
      Workflow.await(() -> closed);
      return items;
    }

    @Override
    public void restock(String item) {
      items.add(item);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @WorkflowInterface
  public interface RestockWorkflow {
    @WorkflowMethod
    String restock(String stockroomId, List<String> items);
  }

  public static class RestockWorkflowImpl implements RestockWorkflow {
    @Override
    public String restock(String stockroomId, List<String> items) {
      StockroomWorkflow stockroom = Workflow.newExternalWorkflowStub(StockroomWorkflow.class, stockroomId);
      items.forEach(stockroom::restock);
      stockroom.close();
      return "restocked " + items.size();
    }
  }

  @WorkflowInterface
  public interface ShutStockroomWorkflow {
    @WorkflowMethod
    String shut(String stockroomId);
  }

  public static class ShutStockroomWorkflowImpl implements ShutStockroomWorkflow {
    @Override
    public String shut(String stockroomId) {
      ExternalWorkflowStub stockroom = Workflow.newUntypedExternalWorkflowStub(stockroomId);
      stockroom.cancel("closing down");
      return "shut " + stockroom.getExecution().getWorkflowId();
    }
  }
}
