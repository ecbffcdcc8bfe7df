package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestWorkflowEnvironmentTest {
  @WorkflowInterface
  public interface Waiter {
    /** Waits for a signal or the timeout; returns how long it waited in workflow time. */
    @WorkflowMethod
    long waitFor(long timeoutMillis);

    @SignalMethod
    void wakeUp();
  }

  public static class WaiterImpl implements Waiter {
    private boolean woken;

    @Override
    public long waitFor(long timeoutMillis) {
      long start = Workflow.currentTimeMillis();
      Workflow.await(Duration.ofMillis(timeoutMillis), () -> woken);
      return Workflow.currentTimeMillis() - start;
    }

    @Override
    public void wakeUp() {
      woken = true;
    }
  }

  private TestWorkflowEnvironment env;

  @AfterEach
  void tearDown() {
    if (env != null) {
      env.close();
    }
  }

  private Waiter newWaiter(String workflowId) {
    return env.getWorkflowClient().newWorkflowStub(Waiter.class,
        WorkflowOptions.newBuilder().setTaskQueue("waiters").setWorkflowId(workflowId).build());
  }

  private void startWithWaiter(TestEnvironmentOptions options) {
    env = TestWorkflowEnvironment.newInstance(options);
    env.newWorker("waiters").registerWorkflowImplementationTypes(WaiterImpl.class);
    env.start();
  }

  @Test
  void await_shouldWakeAtExactlySixtySecondsOfTestTime_whenConditionNeverHolds() {
    startWithWaiter(TestEnvironmentOptions.getDefaultInstance());
    long before = env.currentTimeMillis();

    long waited = newWaiter("sixty").waitFor(Duration.ofSeconds(60).toMillis());

    assertEquals(60_000, waited);
    long elapsed = env.currentTimeMillis() - before;
    assertTrue(elapsed >= 60_000 && elapsed < 70_000, "test time advanced by " + elapsed + " ms");
  }

  @Test
  void registerDelayedCallback_shouldRunCallbackAtItsTestTime_whenWorkflowWaitsForIt() {
    startWithWaiter(TestEnvironmentOptions.getDefaultInstance());
    WorkflowClient client = env.getWorkflowClient();
    Waiter waiter = newWaiter("woken-by-callback");
    WorkflowClient.start(waiter::waitFor, Duration.ofDays(1).toMillis());
    AtomicLong calledAt = new AtomicLong();
    long registeredAt = env.currentTimeMillis();
    env.registerDelayedCallback(Duration.ofHours(1), () -> {
      calledAt.set(env.currentTimeMillis());
      client.newWorkflowStub(Waiter.class, "woken-by-callback").wakeUp();
    });

    long waited = client.newUntypedWorkflowStub("woken-by-callback").getResult(Long.class);

    long delay = calledAt.get() - registeredAt; // registration itself reads the clock a moment later
    assertTrue(delay >= Duration.ofHours(1).toMillis() && delay < Duration.ofHours(1).plusSeconds(1).toMillis(),
        "callback ran after " + delay + " ms of test time");
    assertTrue(waited >= Duration.ofMinutes(59).toMillis() && waited < Duration.ofHours(2).toMillis(),
        "woke after " + waited + " ms of test time");
  }

  @Test
  void start_shouldBeIdempotent_whenCalledTwice() {
    startWithWaiter(TestEnvironmentOptions.getDefaultInstance());

    env.start();

    assertTrue(env.isStarted());
    assertEquals(5_000, newWaiter("after-second-start").waitFor(5_000));
  }

  @Test
  void shutdownAndClose_shouldNotThrow_whenCalledAfterEachOther() {
    startWithWaiter(TestEnvironmentOptions.getDefaultInstance());

    assertDoesNotThrow(() -> {
      env.shutdown();
      env.close();
      env.close();
    });
  }

  @Test
  void getNamespace_shouldReturnConfiguredNamespace_whenSetInOptions() {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setNamespace("orders").build());

    assertEquals("orders", env.getNamespace());
    assertEquals("default", TestWorkflowEnvironment.newInstance().getNamespace());
  }

  @Test
  void getDiagnostics_shouldDescribeTestTimeAndQueues_whenStarted() {
    startWithWaiter(TestEnvironmentOptions.getDefaultInstance());

    String diagnostics = env.getDiagnostics();

    assertTrue(diagnostics.contains("time=") && diagnostics.contains("queued="), diagnostics);
  }

  @Test
  void currentTimeMillis_shouldStartAtInitialTime_whenInitialTimeSet() {
    Instant initial = Instant.parse("2020-01-01T00:00:00Z");
    startWithWaiter(TestEnvironmentOptions.newBuilder().setInitialTime(initial).build());

    long now = env.currentTimeMillis();

    assertTrue(now >= initial.toEpochMilli() && now < initial.plusSeconds(60).toEpochMilli(), "now=" + Instant.ofEpochMilli(now));
  }

  @Test
  void waitFor_shouldTakeRealTime_whenTimeSkippingDisabled() {
    startWithWaiter(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    long realStart = System.nanoTime();

    long waited = newWaiter("real-time").waitFor(300);

    assertTrue(waited >= 300, "waited " + waited);
    assertFalse(Duration.ofNanos(System.nanoTime() - realStart).toMillis() < 300, "time was skipped");
  }
}
