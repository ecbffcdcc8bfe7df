package dev.cairn.samples.hello;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * Three activities in sequence, each using the previous result: the shape of most order flows, and
 * the workflow the latency benchmark measures.
 */
public final class HelloSequence {
  private HelloSequence() {}

  @WorkflowInterface
  public interface OrderWorkflow {
    @WorkflowMethod
    String process(String orderId);
  }

  @ActivityInterface
  public interface OrderActivities {
    String validate(String orderId);

    String charge(String validated);

    String ship(String charged);
  }

  public static class OrderWorkflowImpl implements OrderWorkflow {
    private final OrderActivities activities = Workflow.newActivityStub(OrderActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String process(String orderId) {
      return activities.ship(activities.charge(activities.validate(orderId)));
    }
  }

  public static class OrderActivitiesImpl implements OrderActivities {
    @Override
    public String validate(String orderId) {
      return orderId + ":validated";
    }

    @Override
    public String charge(String validated) {
      return validated + ":charged";
    }

    @Override
    public String ship(String charged) {
      return charged + ":shipped";
    }
  }
}
