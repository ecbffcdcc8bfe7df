package dev.cairn.tests.support;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityCancellationType;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.ActivityCompletionException;
import dev.cairn.common.RetryOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A long activity that heartbeats while it works, as Temporal's cancellation samples do: cancelling
 * the workflow reaches it through its next heartbeat, and the workflow waits for it to stop
 * ({@link ActivityCancellationType#WAIT_CANCELLATION_COMPLETED}) before it ends CANCELED.
 */
public final class HeartbeatingJob {
  private HeartbeatingJob() {}

  /** Workflow id → the exception the activity's heartbeat threw (this JVM runs the activities). */
  public static final Map<String, String> CANCELLATIONS_SEEN = new ConcurrentHashMap<>();

  @WorkflowInterface
  public interface HeartbeatingJobWorkflow {
    /** Processes {@code items} items, one every 100 ms; returns how many were done. */
    @WorkflowMethod
    int process(int items);
  }

  @ActivityInterface
  public interface JobActivities {
    int processItems(int items);
  }

  public static class HeartbeatingJobWorkflowImpl implements HeartbeatingJobWorkflow {
    private final JobActivities activities = Workflow.newActivityStub(JobActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(2))
            .setHeartbeatTimeout(Duration.ofSeconds(2))
            .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());

    @Override
    public int process(int items) {
      return activities.processItems(items);
    }
  }

  public static class JobActivitiesImpl implements JobActivities {
    @Override
    public int processItems(int items) {
      var context = Activity.getExecutionContext();
      for (int done = 0; done < items; done++) {
        try {
          context.heartbeat(done);
        } catch (ActivityCompletionException e) {
          CANCELLATIONS_SEEN.put(context.getInfo().getWorkflowId(), e.getClass().getSimpleName());
          throw e; // stops the work; the attempt reports itself cancelled
        }
        try {
          Thread.sleep(100); // one item's work
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      return items;
    }
  }
}
