package dev.cairn.samples.hello;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;

/** A durable timer: the workflow sleeps, survives whatever happens meanwhile, then calls an activity. */
public final class HelloTimer {
  private HelloTimer() {}

  @WorkflowInterface
  public interface ReminderWorkflow {
    @WorkflowMethod
    String remind(String name, int delaySeconds);
  }

  @ActivityInterface
  public interface ReminderActivities {
    String composeReminder(String name, long sleptMillis);
  }

  public static class ReminderWorkflowImpl implements ReminderWorkflow {
    private final ReminderActivities activities = Workflow.newActivityStub(ReminderActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String remind(String name, int delaySeconds) {
      long before = Workflow.currentTimeMillis();
      Workflow.sleep(Duration.ofSeconds(delaySeconds));
      return activities.composeReminder(name, Workflow.currentTimeMillis() - before);
    }
  }

  public static class ReminderActivitiesImpl implements ReminderActivities {
    @Override
    public String composeReminder(String name, long sleptMillis) {
      return "Reminder for " + name + " after " + (sleptMillis / 1000) + " s";
    }
  }
}
