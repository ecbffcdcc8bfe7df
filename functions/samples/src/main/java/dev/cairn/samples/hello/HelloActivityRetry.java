package dev.cairn.samples.hello;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.common.RetryOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows activity retries: the activity fails twice with an ordinary exception and succeeds on the third
 * attempt; the workflow never sees the failures because its {@link RetryOptions} allow five attempts,
 * the first retry one second after the failure and each later one twice as long after.
 */
public final class HelloActivityRetry {
  private HelloActivityRetry() {}

  @WorkflowInterface
  public interface RetryGreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  @ActivityInterface
  public interface RetryGreetingActivities {
    String composeGreetingWithRetries(String greeting, String name);
  }

  public static class RetryGreetingWorkflowImpl implements RetryGreetingWorkflow {
    private final RetryGreetingActivities activities = Workflow.newActivityStub(RetryGreetingActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumAttempts(5)
                .build())
            .build());

    @Override
    public String getGreeting(String name) {
      return activities.composeGreetingWithRetries("Hello", name);
    }
  }

  /** Fails its first two calls, as a flaky downstream service would, then succeeds. */
  public static class RetryGreetingActivitiesImpl implements RetryGreetingActivities {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public String composeGreetingWithRetries(String greeting, String name) {
      int call = calls.incrementAndGet();
      if (call <= 2) {
        throw new IllegalStateException("service unavailable (call " + call + ")");
      }
      return greeting + " " + name + "!";
    }

    /** How many times the activity has run, successful or not. */
    public int getCalls() {
      return calls.get();
    }
  }
}
