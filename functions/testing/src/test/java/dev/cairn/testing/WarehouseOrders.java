package dev.cairn.testing;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.failure.ApplicationFailure;
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

/** An order workflow that signals or cancels a warehouse workflow by id, in each way an external stub allows. */
public final class WarehouseOrders {
  private WarehouseOrders() {}

  @WorkflowInterface
  public interface Warehouse {
    /** Collects reserved items until closed. */
    @WorkflowMethod
    List<String> run();

    @SignalMethod
    void reserve(String item);

    @SignalMethod
    void close();
  }

  public static class WarehouseImpl implements Warehouse {
    private final List<String> items = new ArrayList<>();
    private boolean closed;

    @Override
    public List<String> run() {
      Workflow.await(() -> closed);
      return items;
    }

    @Override
    public void reserve(String item) {
      items.add(item);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @WorkflowInterface
  public interface Order {
    /** Talks to the warehouse {@code target} one way ({@code how}) and says what happened. */
    @WorkflowMethod
    String place(String target, String how);
  }

  public static class OrderImpl implements Order {
    @Override
    public String place(String target, String how) {
      Warehouse warehouse = Workflow.newExternalWorkflowStub(Warehouse.class, target);
      switch (how) {
        case "typed" -> {
          warehouse.reserve("lamp");
          warehouse.close();
          return "reserved";
        }
        case "async" -> {
          Promise<Void> chair = Async.procedure(warehouse::reserve, "chair");
          Promise<Void> table = Async.procedure(ExternalWorkflowStub.fromTyped(warehouse)::signal, "reserve",
              new Object[] {"table"});
          Promise.allOf(chair, table).get();
          warehouse.close();
          return "reserved both";
        }
        case "missing" -> {
          try {
            warehouse.reserve("lamp");
            return "reserved";
          } catch (ApplicationFailure e) {
            return e.getType() + ": " + e.getOriginalMessage();
          }
        }
        case "cancel" -> {
          ExternalWorkflowStub.fromTyped(warehouse).cancel("order withdrawn");
          return "cancel requested";
        }
        case "cancelMissing" -> {
          try {
            Workflow.newUntypedExternalWorkflowStub(target).cancel();
            return "cancel requested";
          } catch (CancelExternalWorkflowException e) {
            return "cannot cancel " + e.getExecution().getWorkflowId();
          }
        }
        case "canceledScope" -> {
          List<Promise<Void>> sent = new ArrayList<>();
          CancellationScope scope = Workflow.newCancellationScope(() -> sent.add(Async.procedure(warehouse::reserve, "never")));
          scope.run();
          scope.cancel();
          RuntimeException failure = sent.get(0).getFailure();
          return failure == null ? "sent" : failure.getClass().getSimpleName();
        }
        case "self" -> {
          try {
            Workflow.newUntypedExternalWorkflowStub(Workflow.getInfo().getWorkflowId()).signal("reserve", "me");
            return "signalled itself";
          } catch (ApplicationFailure e) {
            return e.getType();
          }
        }
        default -> {
          // a run id: signal that run only
          ExternalWorkflowStub run = Workflow.newUntypedExternalWorkflowStub(
              WorkflowExecution.newBuilder().setWorkflowId(target).setRunId(how).build());
          try {
            run.signal("reserve", "desk");
            run.signal("close");
            return "reserved at " + run.getExecution().getRunId();
          } catch (ApplicationFailure e) {
            return e.getType() + ": " + e.getOriginalMessage();
          }
        }
      }
    }
  }

  @WorkflowInterface
  public interface ChildSignaller {
    @WorkflowMethod
    List<String> run();
  }

  /** Starts a warehouse as its child and fills it through the child's typed stub. */
  public static class ChildSignallerImpl implements ChildSignaller {
    @Override
    public List<String> run() {
      Warehouse child = Workflow.newChildWorkflowStub(Warehouse.class,
          ChildWorkflowOptions.newBuilder().setWorkflowId("child-warehouse").build());
      Promise<List<String>> items = Async.function(child::run);
      child.reserve("pen");
      child.close();
      return items.get();
    }
  }

}
