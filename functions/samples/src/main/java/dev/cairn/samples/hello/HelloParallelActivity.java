package dev.cairn.samples.hello;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows activities running in parallel: one {@code Async.function} per name, then {@code Promise.allOf}
 * to wait for all of them; results come back in the order the activities were started.
 */
public final class HelloParallelActivity {
  private HelloParallelActivity() {}

  @WorkflowInterface
  public interface MultiGreetingWorkflow {
    @WorkflowMethod
    List<String> getGreetings(List<String> names);
  }

  @ActivityInterface
  public interface ParallelGreetingActivities {
    String composeParallelGreeting(String greeting, String name);
  }

  public static class MultiGreetingWorkflowImpl implements MultiGreetingWorkflow {
    private final ParallelGreetingActivities activities = Workflow.newActivityStub(ParallelGreetingActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(2)).build());

    @Override
    public List<String> getGreetings(List<String> names) {
      List<Promise<String>> promises = new ArrayList<>();
      for (String name : names) {
        promises.add(Async.function(activities::composeParallelGreeting, "Hello", name));
      }
      Promise.allOf(promises).get();
      List<String> results = new ArrayList<>();
      for (Promise<String> p : promises) {
        results.add(p.get());
      }
      return results;
    }
  }

  public static class ParallelGreetingActivitiesImpl implements ParallelGreetingActivities {
    @Override
    public String composeParallelGreeting(String greeting, String name) {
      return greeting + " " + name + "!";
    }
  }
}
