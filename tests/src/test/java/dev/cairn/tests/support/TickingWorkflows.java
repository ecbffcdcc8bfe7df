package dev.cairn.tests.support;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * A workflow whose history grows by an activity per tick, to reach a stack's (low) history limits: it
 * either continues as new when {@code Workflow.getInfo().isContinueAsNewSuggested()}, or ignores the
 * suggestion and waits for a {@code finish} signal after its ticks.
 */
public final class TickingWorkflows {
  private TickingWorkflows() {}

  @WorkflowInterface
  public interface TickingWorkflow {
    /** Ticks {@code ticks} times; returns the number of the run that did the last tick (1 for the first). */
    @WorkflowMethod
    int tick(int ticks, boolean continueWhenSuggested, int run);

    @SignalMethod
    void finish();
  }

  @ActivityInterface
  public interface TickActivities {
    int tickOnce(int left);
  }

  public static class TickingWorkflowImpl implements TickingWorkflow {
    private final TickActivities activities = Workflow.newActivityStub(TickActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
    private boolean finished;

    @Override
    public int tick(int ticks, boolean continueWhenSuggested, int run) {
      for (int left = ticks; left > 0; left--) {
        if (continueWhenSuggested && Workflow.getInfo().isContinueAsNewSuggested()) {
          Workflow.continueAsNew(left, true, run + 1);
        }
        activities.tickOnce(left);
      }
      if (!continueWhenSuggested) {
        Workflow.await(() -> finished);
      }
      return run;
    }

    @Override
    public void finish() {
      finished = true;
    }
  }

  public static class TickActivitiesImpl implements TickActivities {
    @Override
    public int tickOnce(int left) {
      return left - 1;
    }
  }
}
