package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityCancellationType;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.ActivityCanceledException;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Saga;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.TimerOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInit;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Workflow API calls Temporal's samples use, each as a Temporal user would write it. */
@Timeout(60)
class WorkflowApiTest {
  static final String QUEUE = "workflow-api";
  static final List<String> events = new CopyOnWriteArrayList<>();
  static volatile WorkflowClient client;

  @ActivityInterface
  public interface Chores {
    /** Heartbeats until cancelled; tells its workflow once it has started. */
    String untilCancelled(String workflowId);
  }

  public static class ChoresImpl implements Chores {
    @Override
    public String untilCancelled(String workflowId) {
      client.newUntypedWorkflowStub(workflowId).signal("choreStarted");
      try {
        while (true) {
          Activity.getExecutionContext().heartbeat(null);
          LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
      } catch (ActivityCanceledException e) {
        events.add("activity saw cancellation");
        throw e;
      }
    }
  }

  @WorkflowInterface
  public interface Errand {
    @WorkflowMethod
    String run(String input);

    @SignalMethod
    void choreStarted();

    @SignalMethod
    void slowSignal(String note);
  }

  /** A @WorkflowInit constructor sees the workflow's arguments before the workflow method runs. */
  public static class InitErrand implements Errand {
    private final String greeting;

    @WorkflowInit
    public InitErrand(String input) {
      greeting = "hello " + input;
    }

    @Override
    public String run(String input) {
      long start = Workflow.currentTimeMillis();
      Workflow.sleep(60_000);
      Promise<Void> timer = Workflow.newTimer(Duration.ofMinutes(2), TimerOptions.newBuilder().setSummary("wait").build());
      boolean firedAtOnce = timer.isCompleted();
      timer.get();
      return greeting + "|" + Workflow.getInfo().getWorkflowType() + "|" + firedAtOnce + "|"
          + (Workflow.currentTimeMillis() - start) / 60_000 + "min";
    }

    @Override public void choreStarted() { }

    @Override public void slowSignal(String note) { }
  }

  /** Waits for a slow signal handler to finish before returning, as Temporal's samples do. */
  public static class HandlerWaitingErrand implements Errand {
    private final List<String> notes = new ArrayList<>();
    private boolean sawRunningHandler;

    @Override
    public String run(String input) {
      Workflow.await(() -> !notes.isEmpty());
      sawRunningHandler = !Workflow.isEveryHandlerFinished();
      Workflow.await(Workflow::isEveryHandlerFinished);
      return notes + "|" + sawRunningHandler;
    }

    @Override public void choreStarted() { }

    @Override
    public void slowSignal(String note) {
      notes.add(note);
      Workflow.sleep(Duration.ofMinutes(5));
      notes.add(note + " done");
    }
  }

  /** Promise.getFailure, isCompleted and the List forms of allOf and anyOf. */
  public static class PromiseErrand implements Errand {
    @Override
    public String run(String input) {
      Promise<String> failed = Async.function(() -> {
        throw ApplicationFailure.newFailure("broken", "Broken");
      });
      List<Promise<Integer>> timers = new ArrayList<>();
      for (int minutes : new int[] {3, 1, 2}) {
        timers.add(Workflow.newTimer(Duration.ofMinutes(minutes)).thenApply(v -> minutes));
      }
      int first = Promise.anyOf(timers).get();
      Promise.allOf(timers).get();
      List<Integer> all = timers.stream().map(Promise::get).toList();
      return ((ApplicationFailure) failed.getFailure()).getType() + "|" + failed.isCompleted() + "|" + first + "|" + all;
    }

    @Override public void choreStarted() { }

    @Override public void slowSignal(String note) { }
  }

  /** Parallel compensations run at once: two one-hour compensations take one hour of workflow time. */
  public static class SagaErrand implements Errand {
    @Override
    public String run(String input) {
      Saga saga = new Saga(new Saga.Options.Builder().setParallelCompensation(Boolean.parseBoolean(input)).build());
      saga.addCompensation(() -> Workflow.sleep(Duration.ofHours(1)));
      saga.addCompensation(() -> Workflow.sleep(Duration.ofHours(1)));
      long start = Workflow.currentTimeMillis();
      saga.compensate();
      return (Workflow.currentTimeMillis() - start) / 3_600_000 + "h";
    }

    @Override public void choreStarted() { }

    @Override public void slowSignal(String note) { }
  }

  /** Cancels a running activity with the cancellation type named by the input, and a reason. */
  public static class CancellingErrand implements Errand {
    private boolean started;

    @Override
    public String run(String cancellationType) {
      Chores chores = Workflow.newActivityStub(Chores.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(1)).setHeartbeatTimeout(Duration.ofMinutes(1))
          .setCancellationType(ActivityCancellationType.valueOf(cancellationType)).build());
      List<Promise<String>> chore = new ArrayList<>();
      CancellationScope scope = Workflow.newCancellationScope(
          () -> chore.add(Async.function(chores::untilCancelled, Workflow.getInfo().getWorkflowId())));
      scope.run();
      Workflow.await(() -> started);
      scope.cancel("no longer needed");
      RuntimeException failure = chore.get(0).getFailure();
      return scope.getCancellationReason() + "|" + failure.getCause().getClass().getSimpleName();
    }

    @Override
    public void choreStarted() {
      started = true;
    }

    @Override public void slowSignal(String note) { }
  }

  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    events.clear();
    env = TestWorkflowEnvironment.newInstance();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private Errand errand(Class<?> implementation, String workflowId) {
    var worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(implementation);
    worker.registerActivitiesImplementations(new ChoresImpl());
    env.start();
    return client.newWorkflowStub(Errand.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
  }

  private List<String> eventTypes(String workflowId) {
    return HistoryWait.history(client, workflowId).stream().map(HistoryEvent::eventType).toList();
  }

  @Test
  void workflowInitSleepAndNewTimer_shouldSeeArgumentsAndSkipTime_whenRun() {
    Errand errand = errand(InitErrand.class, "init-1");

    assertEquals("hello ann|Errand|false|3min", errand.run("ann"));
  }

  @Test
  void isEveryHandlerFinished_shouldBeFalseWhileASignalHandlerRuns_whenHandlerSleeps() {
    Errand errand = errand(HandlerWaitingErrand.class, "handlers-1");
    WorkflowClient.start(errand::run, "x");

    errand.slowSignal("note");

    assertEquals("[note, note done]|true", dev.cairn.client.WorkflowStub.fromTyped(errand).getResult(String.class));
  }

  @Test
  void promiseGetFailureAllOfAnyOf_shouldReturnFailureAndValues_whenGivenLists() {
    Errand errand = errand(PromiseErrand.class, "promises-1");

    assertEquals("Broken|true|1|[3, 1, 2]", errand.run("x"));
  }

  @Test
  void sagaCompensate_shouldRunCompensationsAtOnce_whenParallelCompensationSet() {
    Errand errand = errand(SagaErrand.class, "saga-parallel");
    Errand sequential = client.newWorkflowStub(Errand.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("saga-sequential").build());

    assertEquals("1h", errand.run("true"));
    assertEquals("2h", sequential.run("false"));
  }

  @Test
  void cancellationType_shouldFailAtOnceAndRequestCancel_whenTryCancel() {
    Errand errand = errand(CancellingErrand.class, "try-cancel");

    assertEquals("no longer needed|CanceledFailure", errand.run("TRY_CANCEL"));

    List<String> types = eventTypes("try-cancel");
    assertTrue(types.contains("ActivityTaskCancelRequested"), "" + types);
    assertFalse(types.subList(0, types.indexOf("WorkflowExecutionCompleted")).contains("ActivityTaskCanceled"),
        "the workflow went on without waiting: " + types);
  }

  @Test
  void cancellationType_shouldWaitForTheActivity_whenWaitCancellationCompleted() {
    Errand errand = errand(CancellingErrand.class, "wait-cancel");

    assertEquals("no longer needed|CanceledFailure", errand.run("WAIT_CANCELLATION_COMPLETED"));

    List<String> types = eventTypes("wait-cancel");
    assertTrue(types.indexOf("ActivityTaskCanceled") < types.indexOf("WorkflowExecutionCompleted"), "" + types);
    assertEquals(List.of("activity saw cancellation"), events);
  }

  @Test
  void cancellationType_shouldNotRequestCancellation_whenAbandon() {
    Errand errand = errand(CancellingErrand.class, "abandon");

    assertEquals("no longer needed|CanceledFailure", errand.run("ABANDON"));

    List<String> types = eventTypes("abandon");
    assertFalse(types.contains("ActivityTaskCancelRequested"), "" + types);
  }
}
