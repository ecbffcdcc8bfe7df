package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityCancellationType;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.ActivityCanceledException;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.internal.history.EventAttributes.TimerStarted;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CancellationScopeTest {
  @ActivityInterface
  public interface Work {
    /** Runs, heartbeating, until cancelled; tells its workflow once it has started. */
    String longRunning(String workflowId);

    String record(String what);
  }

  static final List<String> events = new CopyOnWriteArrayList<>();
  static volatile WorkflowClient client;

  public static class WorkImpl implements Work {
    @Override
    public String longRunning(String workflowId) {
      client.newUntypedWorkflowStub(workflowId).signal("activityStarted");
      try {
        while (true) {
          Activity.getExecutionContext().heartbeat(null);
          LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // a unit of real work
        }
      } catch (ActivityCanceledException e) {
        events.add("activity saw cancellation");
        throw e;
      }
    }

    @Override
    public String record(String what) {
      events.add(what);
      return what;
    }
  }

  static ActivityOptions options(ActivityCancellationType type) {
    return ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofHours(1))
        .setHeartbeatTimeout(Duration.ofMinutes(1)).setCancellationType(type).build();
  }

  @WorkflowInterface
  public interface ScopeFlow {
    @WorkflowMethod
    List<String> run();

    @SignalMethod
    void activityStarted();
  }

  /** Starts a timer and an activity in a scope, cancels the scope once the activity runs. */
  public static class ScopeFlowImpl implements ScopeFlow {
    private boolean started;

    @Override
    public List<String> run() {
      Work work = Workflow.newActivityStub(Work.class, options(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED));
      List<Promise<?>> inScope = new ArrayList<>();
      CancellationScope scope = Workflow.newCancellationScope(() -> {
        inScope.add(Workflow.newTimer(Duration.ofHours(1)));
        inScope.add(Async.function(work::longRunning, Workflow.getInfo().getWorkflowId()));
      });
      scope.run();
      Workflow.await(() -> started);
      scope.cancel();
      List<String> seen = new ArrayList<>();
      for (Promise<?> p : inScope) {
        RuntimeException f = p.getFailure();
        seen.add(f.getClass().getSimpleName()
            + (f.getCause() == null ? "" : "(" + f.getCause().getClass().getSimpleName() + ")"));
      }
      return seen;
    }

    @Override
    public void activityStarted() {
      started = true;
    }
  }

  @WorkflowInterface
  public interface SleepFlow {
    @WorkflowMethod
    String run();
  }

  /** Sleeps; once cancelled, records cleanup through a detached scope and rethrows. */
  public static class DetachedCleanupImpl implements SleepFlow {
    @Override
    public String run() {
      Work work = Workflow.newActivityStub(Work.class, options(ActivityCancellationType.TRY_CANCEL));
      try {
        Workflow.sleep(Duration.ofHours(1));
        return "slept";
      } catch (CanceledFailure e) {
        Workflow.newDetachedCancellationScope(() -> work.record("cleanup")).run();
        throw e;
      }
    }
  }

  @WorkflowInterface
  public interface CatchingFlow {
    @WorkflowMethod
    String run();
  }

  /** Sleeps; once cancelled, tries cleanup in the cancelled scope itself. */
  public static class AttachedCleanupImpl implements CatchingFlow {
    @Override
    public String run() {
      Work work = Workflow.newActivityStub(Work.class, options(ActivityCancellationType.TRY_CANCEL));
      try {
        Workflow.sleep(Duration.ofHours(1));
        return "slept";
      } catch (CanceledFailure e) {
        try {
          work.record("cleanup");
          return "cleanup ran";
        } catch (ActivityFailure f) {
          return "cleanup failed with " + f.getCause().getClass().getSimpleName();
        }
      }
    }
  }

  @WorkflowInterface
  public interface TimerFlow {
    @WorkflowMethod
    void run();
  }

  public static class TimerFlowImpl implements TimerFlow {
    @Override
    public void run() {
      Workflow.sleep(Duration.ofHours(1));
    }
  }

  TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    events.clear();
    env = TestWorkflowEnvironment.newInstance();
    client = env.getWorkflowClient();
    // Activities run on the workflow's task queue by default, so each worker serves both.
    Map.of("scope", ScopeFlowImpl.class, "detached", DetachedCleanupImpl.class, "attached", AttachedCleanupImpl.class,
        "timer", TimerFlowImpl.class).forEach((queue, type) -> {
          var worker = env.newWorker(queue);
          worker.registerWorkflowImplementationTypes(type);
          worker.registerActivitiesImplementations(new WorkImpl());
        });
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private static WorkflowOptions on(String taskQueue, String workflowId) {
    return WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(workflowId).build();
  }

  @Test
  void scopeCancel_shouldCancelItsTimerAndActivity_whenScopeCancelled() {
    ScopeFlow flow = client.newWorkflowStub(ScopeFlow.class, on("scope", "scope-1"));
    List<String> seen = flow.run();
    assertEquals(List.of("CanceledFailure", "ActivityFailure(CanceledFailure)"), seen);
    // WAIT_CANCELLATION_COMPLETED: the workflow saw the failure only after the activity stopped.
    assertEquals(List.of("activity saw cancellation"), events);
  }

  @Test
  void detachedScope_shouldRunCleanup_whenWorkflowCancelled() {
    SleepFlow flow = client.newWorkflowStub(SleepFlow.class, on("detached", "detached-1"));
    WorkflowClient.start(flow::run);
    HistoryWait.until(client, "detached-1", TimerStarted.class);
    WorkflowStub stub = WorkflowStub.fromTyped(flow);
    stub.cancel();
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> stub.getResult(String.class));
    assertInstanceOf(CanceledFailure.class, e.getCause());
    assertEquals(List.of("cleanup"), events);
  }

  @Test
  void activityInCancelledScope_shouldFailWithCanceledFailure_whenNotDetached() {
    CatchingFlow flow = client.newWorkflowStub(CatchingFlow.class, on("attached", "attached-1"));
    WorkflowClient.start(flow::run);
    HistoryWait.until(client, "attached-1", TimerStarted.class);
    WorkflowStub.fromTyped(flow).cancel();
    assertEquals("cleanup failed with CanceledFailure", WorkflowStub.fromTyped(flow).getResult(String.class));
    assertEquals(List.of(), events);
  }

  @Test
  void cancel_shouldEndWorkflowCanceled_whenWorkflowWaitsOnTimer() {
    long before = env.currentTimeMillis();
    WorkflowStub stub = client.newUntypedWorkflowStub("TimerFlow", on("timer", "timer-1"));
    stub.start();
    HistoryWait.until(client, "timer-1", TimerStarted.class);
    stub.cancel();
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> stub.getResult(String.class));
    assertInstanceOf(CanceledFailure.class, e.getCause());
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, e.getWorkflowCloseEventType());
    // The hour-long timer was cancelled, not waited for.
    assertTrue(env.currentTimeMillis() - before < Duration.ofHours(1).toMillis());
  }
}
