package dev.cairn.lambda;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.function.Consumer;
import dev.cairn.internal.worker.WorkerRegistry;

/** One workflow type, "Shipment", in the release that is running and in two candidate next releases. */
final class ShipmentReleases {
  static final String TASK_QUEUE = "shipping";

  private ShipmentReleases() {}

  @WorkflowInterface
  public interface Shipment {
    @WorkflowMethod
    String ship(String order);
  }

  @ActivityInterface
  public interface Warehouse {
    String reserve(String order);

    String invoice(String order);

    String dispatch(String order);
  }

  public static class WarehouseImpl implements Warehouse {
    @Override public String reserve(String order) { return order + ":reserved"; }
    @Override public String invoice(String order) { return order + ":invoiced"; }
    @Override public String dispatch(String order) { return order + ":dispatched"; }
  }

  static Warehouse warehouse() {
    return Workflow.newActivityStub(Warehouse.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
  }

  /** Running now: reserve, wait a day for the truck, dispatch. */
  public static class Release1 implements Shipment {
    @Override
    public String ship(String order) {
      String reserved = warehouse().reserve(order);
      Workflow.sleep(Duration.ofDays(1));
      return reserved + "," + warehouse().dispatch(order);
    }
  }

  /** Next release, done right: the new invoice step guarded by getVersion. */
  public static class Release2Versioned implements Shipment {
    @Override
    public String ship(String order) {
      String reserved = warehouse().reserve(order);
      if (Workflow.getVersion("invoiceBeforeDispatch", Workflow.DEFAULT_VERSION, 1) == 1) {
        reserved = reserved + "," + warehouse().invoice(order);
      }
      Workflow.sleep(Duration.ofDays(1));
      return reserved + "," + warehouse().dispatch(order);
    }
  }

  /** Next release, done wrong: the same step, unguarded. */
  public static class Release2Unversioned implements Shipment {
    @Override
    public String ship(String order) {
      String reserved = warehouse().reserve(order) + "," + warehouse().invoice(order);
      Workflow.sleep(Duration.ofDays(1));
      return reserved + "," + warehouse().dispatch(order);
    }
  }

  static Consumer<WorkerRegistry> workers(Class<? extends Shipment> release) {
    return r -> {
      Worker w = new Worker(TASK_QUEUE, null, r);
      w.registerWorkflowImplementationTypes(release);
      w.registerActivitiesImplementations(new WarehouseImpl());
    };
  }
}
