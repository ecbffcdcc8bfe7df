package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
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

/**
 * Each timeout surfaces as an ActivityFailure whose cause is a TimeoutFailure of its type. The
 * activity hands its completion to "another system" that never answers (doNotCompleteOnReturn), so
 * it stays started without holding a thread and test time can skip to the deadline.
 */
@Timeout(30)
class ActivityTimeoutTest {
  @ActivityInterface
  public interface Stuck {
    String hang();
  }

  static final List<Integer> attempts = new CopyOnWriteArrayList<>();

  public static class StuckImpl implements Stuck {
    @Override
    public String hang() {
      attempts.add(Activity.getExecutionContext().getInfo().getAttempt());
      Activity.getExecutionContext().heartbeat("started");
      Activity.getExecutionContext().doNotCompleteOnReturn();
      return null;
    }
  }

  @WorkflowInterface
  public interface Caller {
    /** Calls {@link Stuck#hang} with the timeouts named by {@code kind}; returns what failed. */
    @WorkflowMethod
    String call(String kind);
  }

  public static class CallerImpl implements Caller {
    @Override
    public String call(String kind) {
      RetryOptions twoAttempts = RetryOptions.newBuilder().setMaximumAttempts(2).build();
      ActivityOptions options = switch (kind) {
        case "heartbeat" -> ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofHours(1))
            .setHeartbeatTimeout(Duration.ofSeconds(10)).setRetryOptions(twoAttempts).build();
        case "startToClose" -> ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1))
            .setRetryOptions(twoAttempts).build();
        case "scheduleToClose" -> ActivityOptions.newBuilder().setScheduleToCloseTimeout(Duration.ofMinutes(5)).build();
        case "scheduleToStart" -> ActivityOptions.newBuilder().setTaskQueue("no-worker-polls-this")
            .setScheduleToStartTimeout(Duration.ofMinutes(1)).setStartToCloseTimeout(Duration.ofMinutes(1)).build();
        default -> throw new IllegalArgumentException(kind);
      };
      long start = Workflow.currentTimeMillis();
      try {
        Workflow.newActivityStub(Stuck.class, options).hang();
        return "completed";
      } catch (ActivityFailure f) {
        TimeoutFailure t = (TimeoutFailure) f.getCause();
        return t.getTimeoutType().name() + " after " + (Workflow.currentTimeMillis() - start) / 1000 + " s";
      }
    }
  }

  TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    attempts.clear();
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker("q");
    worker.registerWorkflowImplementationTypes(CallerImpl.class);
    worker.registerActivitiesImplementations(new StuckImpl());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private String call(String kind) {
    return env.getWorkflowClient().newWorkflowStub(Caller.class,
        WorkflowOptions.newBuilder().setTaskQueue("q").build()).call(kind);
  }

  @Test
  void activity_shouldFailWithHeartbeatTimeout_whenItStopsHeartbeatingAndRetriesAreExhausted() {
    // Two attempts of 10 s each, 1 s apart (the default initial interval).
    assertEquals("TIMEOUT_TYPE_HEARTBEAT after 21 s", call("heartbeat"));
    assertEquals(List.of(1, 2), attempts);
  }

  @Test
  void activity_shouldFailWithStartToCloseTimeout_whenAttemptsOutliveIt() {
    assertEquals("TIMEOUT_TYPE_START_TO_CLOSE after 121 s", call("startToClose"));
    assertEquals(List.of(1, 2), attempts);
  }

  @Test
  void activity_shouldFailWithScheduleToCloseTimeout_whenItNeverCompletes() {
    assertEquals("TIMEOUT_TYPE_SCHEDULE_TO_CLOSE after 300 s", call("scheduleToClose"));
    assertEquals(List.of(1), attempts);
  }

  @Test
  void activity_shouldFailWithScheduleToStartTimeout_whenNoWorkerPollsItsQueue() {
    assertEquals("TIMEOUT_TYPE_SCHEDULE_TO_START after 60 s", call("scheduleToStart"));
    assertEquals(List.of(), attempts);
  }
}
