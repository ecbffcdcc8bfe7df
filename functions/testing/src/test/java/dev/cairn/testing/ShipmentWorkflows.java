package dev.cairn.testing;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * One workflow type, "Shipment", in three releases: the one that recorded the golden histories
 * under src/test/resources/replay/, a change guarded by getVersion, and the same change unguarded.
 * Each release has its workers class, as a user's CAIRN_WORKERS names one.
 */
public final class ShipmentWorkflows {
  private ShipmentWorkflows() {}

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
    @Override
    public String reserve(String order) {
      return order + ":reserved";
    }

    @Override
    public String invoice(String order) {
      return order + ":invoiced";
    }

    @Override
    public String dispatch(String order) {
      return order + ":dispatched";
    }
  }

  static Warehouse warehouse() {
    return Workflow.newActivityStub(Warehouse.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
  }

  /** Release 1: reserve, wait a day for the truck, dispatch. */
  public static class ShipmentV1 implements Shipment {
    @Override
    public String ship(String order) {
      String reserved = warehouse().reserve(order);
      Workflow.sleep(Duration.ofDays(1));
      return reserved + "," + warehouse().dispatch(order);
    }
  }

  /** Release 2 done right: new runs invoice before the wait; runs started by release 1 keep its path. */
  public static class ShipmentV2Versioned implements Shipment {
    @Override
    public String ship(String order) {
      String reserved = warehouse().reserve(order);
      int version = Workflow.getVersion("invoiceBeforeDispatch", Workflow.DEFAULT_VERSION, 1);
      if (version == 1) {
        reserved = reserved + "," + warehouse().invoice(order);
      }
      Workflow.sleep(Duration.ofDays(1));
      return reserved + "," + warehouse().dispatch(order);
    }
  }

  /** Release 2 done wrong: the same change without getVersion; a run of release 1 cannot replay. */
  public static class ShipmentV2Unversioned implements Shipment {
    @Override
    public String ship(String order) {
      String reserved = warehouse().reserve(order) + "," + warehouse().invoice(order);
      Workflow.sleep(Duration.ofDays(1));
      return reserved + "," + warehouse().dispatch(order);
    }
  }

  public static final class V1Workers {
    public static void register(Worker worker) {
      worker.registerWorkflowImplementationTypes(ShipmentV1.class);
      worker.registerActivitiesImplementations(new WarehouseImpl());
    }
  }

  public static final class V2VersionedWorkers {
    public static void register(Worker worker) {
      worker.registerWorkflowImplementationTypes(ShipmentV2Versioned.class);
      worker.registerActivitiesImplementations(new WarehouseImpl());
    }
  }

  public static final class V2UnversionedWorkers {
    public static void register(Worker worker) {
      worker.registerWorkflowImplementationTypes(ShipmentV2Unversioned.class);
      worker.registerActivitiesImplementations(new WarehouseImpl());
    }
  }
}
