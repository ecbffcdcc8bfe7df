package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.internal.history.EventAttributes.WorkflowTaskCompleted;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TimeSkippingTest {
  @ActivityInterface
  public interface Quick {
    String quick();
  }

  public static class QuickImpl implements Quick {
    @Override
    public String quick() {
      return "done";
    }
  }

  @WorkflowInterface
  public interface Pause {
    /** Workflow time from the end of a quick activity to the end of a one-minute sleep after a signal. */
    @WorkflowMethod
    long run();

    @SignalMethod
    void release();
  }

  public static class PauseImpl implements Pause {
    private boolean released;

    @Override
    public long run() {
      Workflow.newActivityStub(Quick.class, ActivityOptions.newBuilder()
          .setScheduleToCloseTimeout(Duration.ofHours(1)).setScheduleToStartTimeout(Duration.ofHours(1))
          .setStartToCloseTimeout(Duration.ofHours(1)).setHeartbeatTimeout(Duration.ofHours(1)).build()).quick();
      long afterActivity = Workflow.currentTimeMillis();
      Workflow.await(() -> released);
      Workflow.sleep(Duration.ofMinutes(1));
      return Workflow.currentTimeMillis() - afterActivity;
    }

    @Override
    public void release() {
      released = true;
    }
  }

  @Test
  void sleep_shouldEndOneMinuteLater_whenAnActivityWithHourLongTimeoutsCompletedBefore() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var worker = env.newWorker("q");
      worker.registerWorkflowImplementationTypes(PauseImpl.class);
      worker.registerActivitiesImplementations(new QuickImpl());
      env.start();
      WorkflowStub stub = env.getWorkflowClient().newUntypedWorkflowStub("Pause",
          WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("pause").build());
      stub.start();
      waitForDecisions(env, 2); // the activity completed; the run waits for the signal
      // Waiting for the result lets time skip, but nothing is due: the completed activity's
      // hour-long timeout checks must be gone, not be the next thing time jumps to.
      assertThrows(TimeoutException.class, () -> stub.getResult(200, TimeUnit.MILLISECONDS, Long.class));
      stub.signal("release");
      long slept = stub.getResult(Long.class);
      // The test clock runs in real time between skips: allow for the wait above and the decisions.
      assertTrue(slept >= 60_000 && slept < 65_000, "workflow time advanced " + Duration.ofMillis(slept));
    }
  }

  private static void waitForDecisions(TestWorkflowEnvironment env, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (HistoryWait.history(env.getWorkflowClient(), "pause").stream()
        .filter(e -> e.attributes() instanceof WorkflowTaskCompleted).count() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + count + " decisions within 10 s");
      }
      Thread.onSpinWait();
    }
  }
}
