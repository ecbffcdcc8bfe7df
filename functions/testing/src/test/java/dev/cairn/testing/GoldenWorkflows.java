package dev.cairn.testing;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityCancellationType;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.ChildWorkflowFailure;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.CancelExternalWorkflowException;
import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The small workflows whose histories are the golden-*.json files under src/test/resources/replay/
 * (recorded by {@link GoldenHistoriesRecorder}, replayed by {@link GoldenHistoriesReplayTest}).
 * Together they write every event type the test environment can produce. Changing what they do
 * changes their histories: record the files again in the same commit.
 */
public final class GoldenWorkflows {
  private GoldenWorkflows() {}

  public static final String QUEUE = "golden";

  /** Registers the golden workflows and activities, as a user's workers class does. */
  public static void register(Worker worker) {
    worker.registerWorkflowImplementationTypes(CheckoutImpl.class, FulfilmentImpl.class, ParcelImpl.class, RenewalImpl.class);
    worker.registerActivitiesImplementations(new PaymentsImpl());
  }

  @ActivityInterface
  public interface Payments {
    /** Fails its first attempt, so the history shows a retry with the failure before it. */
    String charge(String order);

    /** Fails for good. */
    String refund(String order);

    /** Never completes: its one attempt times out. */
    String hold(String order);

    /** Heartbeats until cancelled. */
    String authorize(String order);

    String audit(String order);
  }

  /** Lets the recorder wait, in real time, until {@link Payments#authorize} runs. */
  static volatile CountDownLatch authorizing = new CountDownLatch(1);

  public static class PaymentsImpl implements Payments {
    @Override
    public String charge(String order) {
      if (Activity.getExecutionContext().getInfo().getAttempt() == 1) {
        throw ApplicationFailure.newFailure("card reader busy", "CardReaderBusy");
      }
      return order + ":charged";
    }

    @Override
    public String refund(String order) {
      throw ApplicationFailure.newNonRetryableFailure("nothing to refund", "NothingToRefund");
    }

    @Override
    public String hold(String order) {
      Activity.getExecutionContext().doNotCompleteOnReturn();
      return null;
    }

    @Override
    public String authorize(String order) {
      authorizing.countDown();
      while (true) {
        Activity.getExecutionContext().heartbeat(null); // throws once the workflow cancelled it
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
    }

    @Override
    public String audit(String order) {
      return order + ":audited";
    }
  }

  /** Markers, search attributes, activities in each outcome, timers fired and cancelled, a signal and an update. */
  @WorkflowInterface
  public interface Checkout {
    @WorkflowMethod
    String checkout(String order);

    @SignalMethod
    void proceed();

    @UpdateMethod
    String approve(String approver);
  }

  public static class CheckoutImpl implements Checkout {
    private boolean proceeding;
    private String approver;

    @Override
    public String checkout(String order) {
      Payments payments = Workflow.newActivityStub(Payments.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1)).setHeartbeatTimeout(Duration.ofMinutes(1))
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(100)).setMaximumAttempts(2).build())
          .build());
      Payments onceOnly = Workflow.newActivityStub(Payments.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1)).setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build());
      Payments local = Workflow.newLocalActivityStub(Payments.class,
          LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
      List<String> steps = new ArrayList<>();

      Workflow.upsertSearchAttributes(Map.of("CheckoutStage", "started"));
      steps.add("v" + Workflow.getVersion("receipt", Workflow.DEFAULT_VERSION, 1));
      steps.add(Workflow.sideEffect(String.class, () -> "token-1"));
      steps.add("rate " + Workflow.mutableSideEffect("rate", Integer.class, Objects::equals, () -> 3));
      steps.add(local.audit(order));
      steps.add(payments.charge(order));
      try {
        payments.refund(order);
      } catch (ActivityFailure e) {
        steps.add("refund failed");
      }

      List<Promise<String>> authorization = new ArrayList<>();
      CancellationScope scope = Workflow.newCancellationScope(
          () -> authorization.add(Async.function(payments::authorize, order)));
      scope.run();
      Workflow.await(() -> proceeding);
      scope.cancel("authorization not needed");
      steps.add("authorize " + authorization.get(0).getFailure().getCause().getClass().getSimpleName());

      boolean approved = Workflow.await(Duration.ofHours(1), () -> approver != null);
      steps.add("approved " + approved + " by " + approver);
      try {
        onceOnly.hold(order);
      } catch (ActivityFailure e) {
        steps.add("hold " + e.getCause().getClass().getSimpleName());
      }
      Workflow.sleep(Duration.ofMinutes(1));
      return String.join(", ", steps);
    }

    @Override
    public void proceed() {
      proceeding = true;
    }

    @Override
    public String approve(String approver) {
      this.approver = approver;
      return "approved by " + approver;
    }
  }

  /** A child run: returns, throws, or waits until released (and so can be cancelled, terminated or time out). */
  @WorkflowInterface
  public interface Parcel {
    @WorkflowMethod
    String pack(String mode);

    @SignalMethod
    void label(String label);
  }

  public static class ParcelImpl implements Parcel {
    private String label;

    @Override
    public String pack(String mode) {
      return switch (mode) {
        case "ok" -> "packed";
        case "fail" -> throw ApplicationFailure.newFailure("box too small", "BoxTooSmall");
        default -> {
          Workflow.await(() -> "released".equals(label));
          yield "released";
        }
      };
    }

    @Override
    public void label(String label) {
      this.label = label;
    }
  }

  /** Child workflows in each outcome and signals and cancel requests to other workflows; fails at the end. */
  @WorkflowInterface
  public interface Fulfilment {
    @WorkflowMethod
    String fulfil(String order);
  }

  public static class FulfilmentImpl implements Fulfilment {
    private static Parcel parcel(String workflowId, Duration runTimeout) {
      return Workflow.newChildWorkflowStub(Parcel.class, ChildWorkflowOptions.newBuilder().setWorkflowId(workflowId)
          .setWorkflowRunTimeout(runTimeout).build());
    }

    @Override
    public String fulfil(String order) {
      List<String> outcomes = new ArrayList<>();
      outcomes.add(parcel("parcel-ok", null).pack("ok"));
      try {
        parcel("parcel-fail", null).pack("fail");
      } catch (ChildWorkflowFailure e) {
        outcomes.add("fail " + e.getCause().getClass().getSimpleName());
      }

      // A waiting child: signalled through its stub, then cancelled with its scope.
      List<Promise<String>> cancelled = new ArrayList<>();
      CancellationScope scope = Workflow.newCancellationScope(() -> {
        Parcel child = parcel("parcel-canceled", null);
        cancelled.add(Async.function(child::pack, "wait"));
        Workflow.getWorkflowExecution(child).get();
        child.label("fragile");
      });
      scope.run();
      // Not Workflow.getInfo().getWorkflowId(): a replayer does not know the id a history was recorded under.
      try {
        parcel("parcel-canceled", null).pack("ok"); // the id is taken by the waiting child
      } catch (ChildWorkflowFailure e) {
        outcomes.add("duplicate " + e.getCause().getClass().getSimpleName());
      }
      scope.cancel("order withdrawn");
      outcomes.add("canceled " + cancelled.get(0).getFailure().getCause().getClass().getSimpleName());

      // Signals and cancel requests to a workflow that does not exist.
      try {
        Workflow.newUntypedExternalWorkflowStub("no-such-parcel").signal("label", "lost");
      } catch (RuntimeException e) {
        outcomes.add("signal " + e.getClass().getSimpleName());
      }
      try {
        Workflow.newUntypedExternalWorkflowStub("no-such-parcel").cancel("lost");
      } catch (CancelExternalWorkflowException e) {
        outcomes.add("cancel " + e.getClass().getSimpleName());
      }

      // One child the recorder terminates, one that outlives its run timeout.
      Promise<String> terminated = Async.function(parcel("parcel-terminated", null)::pack, "wait");
      Promise<String> timedOut = Async.function(parcel("parcel-timed-out", Duration.ofMinutes(10))::pack, "wait");
      outcomes.add("terminated " + terminated.getFailure().getCause().getClass().getSimpleName());
      outcomes.add("timed out " + timedOut.getFailure().getCause().getClass().getSimpleName());
      throw ApplicationFailure.newNonRetryableFailure("fulfilment incomplete: " + String.join(", ", outcomes),
          "FulfilmentIncomplete");
    }
  }

  /** Continues as new once, then returns. */
  @WorkflowInterface
  public interface Renewal {
    @WorkflowMethod
    int renew(int round);
  }

  public static class RenewalImpl implements Renewal {
    @Override
    public int renew(int round) {
      if (round < 1) {
        Workflow.continueAsNew(round + 1);
      }
      return round;
    }
  }
}
