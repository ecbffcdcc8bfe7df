package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.TimeoutFailure;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A local activity attempt is bounded by its start-to-close timeout, the whole activity by schedule-to-close. */
@Timeout(60)
class LocalActivityTimeoutTest {
  static final String QUEUE = "local-timeouts";
  static final List<Integer> attempts = new CopyOnWriteArrayList<>();

  @ActivityInterface
  public interface Lookup {
    /** Hangs on the attempts listed in {@code hangingAttempts} (until interrupted), else answers. */
    String find(String key, List<Integer> hangingAttempts);
  }

  public static class LookupImpl implements Lookup {
    @Override
    public String find(String key, List<Integer> hangingAttempts) {
      int attempt = Activity.getExecutionContext().getInfo().getAttempt();
      attempts.add(attempt);
      if (hangingAttempts.contains(attempt)) {
        try {
          Thread.sleep(Duration.ofMinutes(1));
        } catch (InterruptedException e) {
          return "interrupted"; // abandoned: this value must never reach the workflow
        }
      }
      return key + " found on attempt " + attempt;
    }
  }

  @WorkflowInterface
  public interface Finder {
    /** Looks {@code key} up with the timeouts named by {@code kind}; says how it ended. */
    @WorkflowMethod
    String find(String kind, List<Integer> hangingAttempts);
  }

  public static class FinderImpl implements Finder {
    @Override
    public String find(String kind, List<Integer> hangingAttempts) {
      RetryOptions quickRetries = RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(10))
          .setBackoffCoefficient(1).setMaximumAttempts(kind.equals("startToClose") ? 3 : 0).build();
      LocalActivityOptions options = switch (kind) {
        case "startToClose" -> LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMillis(300))
            .setRetryOptions(quickRetries).build();
        case "scheduleToClose" -> LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))
            .setScheduleToCloseTimeout(Duration.ofMillis(500)).setRetryOptions(quickRetries).build();
        default -> throw new IllegalArgumentException(kind);
      };
      try {
        return Workflow.newLocalActivityStub(Lookup.class, options).find("k", hangingAttempts);
      } catch (ActivityFailure f) {
        return ((TimeoutFailure) f.getCause()).getTimeoutType().name() + " " + f.getRetryState().name();
      }
    }
  }

  TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    attempts.clear();
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(FinderImpl.class);
    worker.registerActivitiesImplementations(new LookupImpl());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private String find(String kind, List<Integer> hangingAttempts) {
    return env.getWorkflowClient().newWorkflowStub(Finder.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
        .find(kind, hangingAttempts);
  }

  @Test
  void localActivity_shouldRetryTheAttempt_whenItRunsPastStartToClose() {
    assertEquals("k found on attempt 2", find("startToClose", List.of(1)));
    assertEquals(List.of(1, 2), attempts);
  }

  @Test
  void localActivity_shouldFailWithStartToCloseTimeout_whenEveryAttemptRunsPastIt() {
    assertEquals("TIMEOUT_TYPE_START_TO_CLOSE RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED",
        find("startToClose", List.of(1, 2, 3)));
    assertEquals(List.of(1, 2, 3), attempts);
  }

  @Test
  void localActivity_shouldFailWithScheduleToCloseTimeoutWithoutRetrying_whenTheAttemptOutlivesTheWholeTimeout() {
    long start = System.nanoTime();

    assertEquals("TIMEOUT_TYPE_SCHEDULE_TO_CLOSE RETRY_STATE_TIMEOUT", find("scheduleToClose", List.of(1)));

    assertEquals(List.of(1), attempts);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMillis < 20_000, "the attempt was abandoned at the deadline, not awaited: " + tookMillis + " ms");
  }
}
