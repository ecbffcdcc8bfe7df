package dev.cairn.samples.hello;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * Shows a local activity: a short call run inside the workflow's decision, with no queue round
 * trip, and recorded in history as a "LocalActivity" marker that replay reads instead of calling again.
 */
public final class HelloLocalActivity {
  private HelloLocalActivity() {}

  @WorkflowInterface
  public interface LocalGreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  /** The prefix keeps its type name apart from HelloActivity's on the shared samples queue. */
  @ActivityInterface(namePrefix = "Local")
  public interface LocalGreetingActivities {
    String composeGreeting(String greeting, String name);
  }

  public static class LocalGreetingWorkflowImpl implements LocalGreetingWorkflow {
    private final LocalGreetingActivities activities = Workflow.newLocalActivityStub(LocalGreetingActivities.class,
        LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(2)).build());

    @Override
    public String getGreeting(String name) {
      return activities.composeGreeting("Hello", name);
    }
  }

  public static class LocalGreetingActivitiesImpl implements LocalGreetingActivities {
    @Override
    public String composeGreeting(String greeting, String name) {
      return greeting + " " + name + "!";
    }
  }
}
