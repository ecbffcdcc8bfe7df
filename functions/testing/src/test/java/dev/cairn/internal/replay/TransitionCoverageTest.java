package dev.cairn.internal.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityCancellationType;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.ActivityCompletionClient;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.WarehouseOrders;
import dev.cairn.testing.WorkflowReplayer;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.ChildWorkflowCancellationType;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.failure.ChildWorkflowFailure;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every command lifecycle the engine knows, live and on replay, then fails on any transition of
 * ActivityCall's, TimerCall's, ChildWorkflowCall's, ExternalSignalCall's or ExternalCancelCall's table that none of them took, as Temporal's state machine tests do.
 * A transition no scenario can reach belongs out of the table, not in an exclusion list here.
 */
@Timeout(60)
class TransitionCoverageTest {
  @ActivityInterface
  public interface Remote {
    /** Hands its completion to the test (through its task token) and tells the workflow it started. */
    String external(String key);

    String work(String mode);
  }

  static final Map<String, byte[]> tokens = new ConcurrentHashMap<>();
  static volatile WorkflowClient client;

  public static class RemoteImpl implements Remote {
    @Override
    public String external(String key) {
      tokens.put(key, Activity.getExecutionContext().getTaskToken());
      client.newUntypedWorkflowStub(Activity.getExecutionContext().getInfo().getWorkflowId()).signal("started");
      Activity.getExecutionContext().doNotCompleteOnReturn();
      return null;
    }

    @Override
    public String work(String mode) {
      if (mode.equals("fail")) {
        throw ApplicationFailure.newNonRetryableFailure("failed", "Fail");
      }
      return mode;
    }
  }

  @WorkflowInterface
  public interface Lifecycle {
    /** Starts an externally completed activity, optionally cancels its scope, then waits an hour. */
    @WorkflowMethod
    String run(String key, ActivityCancellationType type, boolean cancel);

    @SignalMethod
    void started();
  }

  public static class LifecycleImpl implements Lifecycle {
    private boolean started;

    @Override
    public String run(String key, ActivityCancellationType type, boolean cancel) {
      Remote remote = Workflow.newActivityStub(Remote.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1)).setCancellationType(type)
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
      List<Promise<String>> call = new ArrayList<>();
      CancellationScope scope = Workflow.newCancellationScope(() -> call.add(Async.function(remote::external, key)));
      scope.run();
      Workflow.await(() -> started);
      if (cancel) {
        scope.cancel();
      }
      RuntimeException outcome = call.get(0).getFailure();
      // Stay open while the activity's late outcome arrives.
      Workflow.sleep(Duration.ofHours(1));
      return outcome == null ? "ok" : outcome.getCause().getClass().getSimpleName();
    }

    @Override
    public void started() {
      started = true;
    }
  }

  @WorkflowInterface
  public interface Simple {
    @WorkflowMethod
    String run();
  }

  /** Complete, fail, timers fired and cancelled, and commands cancelled before they were sent. */
  public static class SimpleImpl implements Simple {
    @Override
    public String run() {
      Remote remote = Workflow.newActivityStub(Remote.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1)).build());
      List<String> seen = new ArrayList<>();
      seen.add(remote.work("done"));
      seen.add(Async.function(remote::work, "fail").handle((v, f) -> f == null ? v : "failed").get());
      Workflow.sleep(Duration.ofMinutes(1));
      CancellationScope sameDecision = Workflow.newCancellationScope(() -> {
        Workflow.newTimer(Duration.ofHours(1));
        Async.function(remote::work, "never sent");
      });
      sameDecision.run();
      sameDecision.cancel();
      Promise<Void> later = Workflow.newTimer(Duration.ofMinutes(1));
      CancellationScope afterStart = Workflow.newCancellationScope(() -> Workflow.newTimer(Duration.ofHours(1)));
      afterStart.run();
      later.get(); // a decision boundary
      afterStart.cancel();
      Workflow.sleep(Duration.ofSeconds(1));
      return String.join(",", seen);
    }
  }

  @WorkflowInterface
  public interface Kid {
    @WorkflowMethod
    String play(Duration d);
  }

  public static class KidImpl implements Kid {
    @Override
    public String play(Duration d) {
      Workflow.sleep(d);
      return "played";
    }
  }

  @WorkflowInterface
  public interface Family {
    @WorkflowMethod
    String run(String mode);
  }

  /** One child lifecycle per mode: completed, cancelled before sent, start failed, cancelled and waited for, abandoned. */
  public static class FamilyImpl implements Family {
    @Override
    public String run(String mode) {
      ChildWorkflowOptions.Builder options = ChildWorkflowOptions.newBuilder();
      switch (mode) {
        case "startFailed" -> options.setWorkflowId("taken");
        case "cancelWait" -> options.setCancellationType(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);
        case "abandon" -> options.setCancellationType(ChildWorkflowCancellationType.ABANDON);
        default -> { }
      }
      Kid kid = Workflow.newChildWorkflowStub(Kid.class, options.build());
      if (mode.equals("complete") || mode.equals("startFailed")) {
        try {
          return kid.play(Duration.ofMinutes(1));
        } catch (ChildWorkflowFailure e) {
          return "startFailed";
        }
      }
      List<Promise<String>> call = new ArrayList<>();
      Duration play = mode.equals("abandon") ? Duration.ofMinutes(1) : Duration.ofHours(1);
      CancellationScope scope = Workflow.newCancellationScope(() -> call.add(Async.function(kid::play, play)));
      scope.run();
      if (!mode.equals("cancelBeforeSent")) {
        Workflow.getWorkflowExecution(kid).get();
      }
      scope.cancel();
      RuntimeException outcome = call.get(0).getFailure();
      if (mode.equals("abandon")) {
        Workflow.sleep(Duration.ofMinutes(2)); // the abandoned child completes meanwhile
      }
      return outcome.getCause().getClass().getSimpleName();
    }
  }

  /** What the test does with the external activity once the workflow has (or has not) cancelled it. */
  enum Outcome { COMPLETE, FAIL, TIME_OUT, REPORT_CANCELED }

  @Test
  void transitionTables_shouldHaveNoUnvisitedTransition_whenEveryScenarioRan() throws Exception {
    // Other test classes in this JVM take transitions too; count only these scenarios'.
    ActivityCall.TABLE.clearVisits();
    TimerCall.TABLE.clearVisits();
    ChildWorkflowCall.TABLE.clearVisits();
    ExternalSignalCall.TABLE.clearVisits();
    ExternalCancelCall.TABLE.clearVisits();
    List<String> histories = new ArrayList<>();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      client = env.getWorkflowClient();
      var worker = env.newWorker("q");
      worker.registerWorkflowImplementationTypes(LifecycleImpl.class, SimpleImpl.class, KidImpl.class, FamilyImpl.class,
          WarehouseOrders.WarehouseImpl.class, WarehouseOrders.OrderImpl.class);
      worker.registerActivitiesImplementations(new RemoteImpl());
      env.start();
      ActivityCompletionClient completions = client.newActivityCompletionClient();

      Simple simple = client.newWorkflowStub(Simple.class, WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("simple").build());
      assertEquals("done,failed", simple.run());
      histories.add(client.fetchHistory("simple").toJson(false));

      WorkflowStub taken = client.newUntypedWorkflowStub("Kid", WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("taken").build());
      // asleep far longer than any time skipping below, so its id stays taken for "startFailed"
      taken.start(Duration.ofDays(36_500));
      Map<String, String> families = new java.util.LinkedHashMap<>();
      families.put("startFailed", "startFailed");
      families.put("complete", "played");
      families.put("cancelBeforeSent", "CanceledFailure");
      families.put("cancelWait", "CanceledFailure");
      families.put("abandon", "CanceledFailure");
      for (Map.Entry<String, String> f : families.entrySet()) {
        Family family = client.newWorkflowStub(Family.class,
            WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("family-" + f.getKey()).build());
        assertEquals(f.getValue(), family.run(f.getKey()), f.getKey());
        histories.add(client.fetchHistory("family-" + f.getKey()).toJson(false));
      }
      try {
        taken.terminate("done");
      } catch (dev.cairn.client.WorkflowNotFoundException e) {
        // time skipping in a later scenario may have let it finish its sleep: it is closed either way
      }

      // Signals and cancel requests to another workflow: delivered, failed, and dropped before sent.
      Map<String, String> orders = new java.util.LinkedHashMap<>();
      orders.put("typed", "reserved");
      orders.put("missing", "SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND");
      orders.put("canceledScope", "CanceledFailure");
      orders.put("cancel", "cancel requested");
      orders.put("cancelMissing", "cannot cancel");
      for (Map.Entry<String, String> o : orders.entrySet()) {
        String warehouseId = "warehouse-" + o.getKey();
        if (!o.getKey().contains("issing")) {
          client.newUntypedWorkflowStub("Warehouse", WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId(warehouseId)
              .build()).start();
        }
        WarehouseOrders.Order order = client.newWorkflowStub(WarehouseOrders.Order.class,
            WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("order-" + o.getKey()).build());
        String result = order.place(warehouseId, o.getKey());
        org.junit.jupiter.api.Assertions.assertTrue(result.startsWith(o.getValue()), o.getKey() + ": " + result);
        histories.add(client.fetchHistory("order-" + o.getKey()).toJson(false));
      }

        for (ActivityCancellationType type : List.of(ActivityCancellationType.TRY_CANCEL, ActivityCancellationType.ABANDON)) {
        for (boolean cancel : List.of(true, false)) {
          for (Outcome outcome : Outcome.values()) {
            String key = type + "-" + cancel + "-" + outcome;
            WorkflowStub stub = client.newUntypedWorkflowStub("Lifecycle",
                WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId(key).build());
            stub.start(key, type, cancel);
            // The workflow has seen the activity start (its second decision) and cancelled it, if asked.
            if (cancel && type != ActivityCancellationType.ABANDON) {
              waitFor(key, EventAttributes.ActivityTaskCancelRequested.class, 1);
            } else {
              waitFor(key, EventAttributes.WorkflowTaskCompleted.class, 2);
            }
            byte[] token = tokens.get(key);
            switch (outcome) {
              case COMPLETE -> completions.complete(token, "late");
              case FAIL -> completions.completeExceptionally(token, ApplicationFailure.newFailure("late", "Late"));
              case REPORT_CANCELED -> {
                if (cancel && type == ActivityCancellationType.TRY_CANCEL) {
                  completions.reportCancellation(token, null);
                } else { // the workflow asked no cancellation of the activity (abandoning asks none): refused
                  assertThrows(WorkflowService.ActivityNotCancelRequestedException.class,
                      () -> completions.reportCancellation(token, null), key);
                  completions.complete(token, "late");
                }
              }
              case TIME_OUT -> { } // its one-minute start-to-close passes during the hour the workflow waits
            }
            // A cancelled call fails at once; a late outcome reaches the history but not the workflow.
            String expected = cancel ? "CanceledFailure" : switch (outcome) {
              case COMPLETE -> "ok";
              case FAIL -> "ApplicationFailure";
              case TIME_OUT -> "TimeoutFailure";
              case REPORT_CANCELED -> "ok";
            };
            assertEquals(expected, stub.getResult(String.class), key);
            histories.add(client.fetchHistory(key).toJson(false));
          }
        }
      }
    }
    for (String h : histories) {
      WorkflowReplayer.replayWorkflowExecution(h, LifecycleImpl.class, SimpleImpl.class, FamilyImpl.class,
          WarehouseOrders.OrderImpl.class);
    }

    Set<String> unvisited = new LinkedHashSet<>();
    ActivityCall.TABLE.unvisited().forEach(t -> unvisited.add("Activity: " + t));
    TimerCall.TABLE.unvisited().forEach(t -> unvisited.add("Timer: " + t));
    ChildWorkflowCall.TABLE.unvisited().forEach(t -> unvisited.add("ChildWorkflow: " + t));
    ExternalSignalCall.TABLE.unvisited().forEach(t -> unvisited.add("SignalExternal: " + t));
    ExternalCancelCall.TABLE.unvisited().forEach(t -> unvisited.add("CancelExternal: " + t));
    unvisited.forEach(System.out::println);
    assertEquals(Set.of(), unvisited, "transitions no scenario took");
  }

  /** Waits until the run's history holds {@code count} events of {@code kind}. */
  private static void waitFor(String workflowId, Class<?> kind, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (HistoryJson.fromJson(client.fetchHistory(workflowId).toJson(false)).stream()
        .filter(e -> kind.isInstance(e.attributes())).count() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + kind.getSimpleName() + " x" + count + " in " + workflowId);
      }
      Thread.onSpinWait();
    }
  }
}
