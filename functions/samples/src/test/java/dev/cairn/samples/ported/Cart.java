package dev.cairn.samples.ported;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.UpdateValidatorMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A shopping cart workflow driven from the client: the item 6 tests' subject. */
public final class Cart {
  private Cart() {}

  /** One shipped item; a record, so results of type {@code List<Parcel>} need the generic type to decode. */
  public record Parcel(String item, String label) {}

  @ActivityInterface
  public interface Shipping {
    String label(String customer, String item);
  }

  @WorkflowInterface
  public interface CartWorkflow {
    /** Collects items until checked out, then ships each. */
    @WorkflowMethod
    List<Parcel> shop(String customer);

    @SignalMethod
    void addItem(String item);

    @SignalMethod
    void checkOut();

    /** Removes an item; returns how many are left. */
    @UpdateMethod
    int removeItem(String item);

    @UpdateValidatorMethod(updateName = "removeItem")
    void validateRemoveItem(String item);

    @QueryMethod
    List<String> items();
  }

  public static class CartWorkflowImpl implements CartWorkflow {
    private final Shipping shipping = Workflow.newActivityStub(Shipping.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
    private final List<String> items = new ArrayList<>();
    private boolean checkedOut;

    @Override
    public List<Parcel> shop(String customer) {
      Workflow.await(() -> checkedOut);
      List<Parcel> parcels = new ArrayList<>();
      for (String item : items) {
        parcels.add(new Parcel(item, shipping.label(customer, item)));
      }
      return parcels;
    }

    @Override
    public void addItem(String item) {
      items.add(item);
    }

    @Override
    public void checkOut() {
      checkedOut = true;
    }

    @Override
    public int removeItem(String item) {
      items.remove(item);
      return items.size();
    }

    @Override
    public void validateRemoveItem(String item) {
      if (!items.contains(item)) {
        throw ApplicationFailure.newFailure("no " + item + " in the cart", "NotInCart");
      }
    }

    @Override
    public List<String> items() {
      return items;
    }
  }
}
