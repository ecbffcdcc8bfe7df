package dev.cairn.lambda;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.common.RetryOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/** Small workflows whose activity options the handler tests depend on. */
public final class PaymentWorkflows {
  public static final String TASK_QUEUE = "payments";

  private PaymentWorkflows() {}

  @ActivityInterface
  public interface Charges {
    String charge(String order);
  }

  @WorkflowInterface
  public interface Payment {
    @WorkflowMethod
    String pay(String order);
  }

  /** Start-to-close 30 s; retries 2 s then 4 s after a failure; three attempts at most. */
  public static class PaymentImpl implements Payment {
    private final Charges charges = Workflow.newActivityStub(Charges.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(2)).setBackoffCoefficient(2.0)
            .setMaximumAttempts(3).build())
        .build());

    @Override
    public String pay(String order) {
      return charges.charge(order);
    }
  }

  @WorkflowInterface
  public interface SlowRetryPayment {
    @WorkflowMethod
    String pay(String order);
  }

  /** Retries 20 minutes after a failure: longer than one SQS delay. */
  public static class SlowRetryPaymentImpl implements SlowRetryPayment {
    private final Charges charges = Workflow.newActivityStub(Charges.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMinutes(20)).setMaximumAttempts(2).build())
        .build());

    @Override
    public String pay(String order) {
      return charges.charge(order);
    }
  }

  @WorkflowInterface
  public interface LocalPayment {
    @WorkflowMethod
    String pay(String order);
  }

  /** Charges with a local activity: run by the decision handler itself, retried 10 ms after a failure. */
  public static class LocalPaymentImpl implements LocalPayment {
    private final Charges charges = Workflow.newLocalActivityStub(Charges.class, dev.cairn.activity.LocalActivityOptions
        .newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(10)).build())
        .build());

    @Override
    public String pay(String order) {
      return charges.charge(order);
    }
  }

  @WorkflowInterface
  public interface QueuedPayment {
    @WorkflowMethod
    String pay(String order);
  }

  /** Must be picked up within a minute and be done within ten. */
  public static class QueuedPaymentImpl implements QueuedPayment {
    private final Charges charges = Workflow.newActivityStub(Charges.class, ActivityOptions.newBuilder()
        .setScheduleToStartTimeout(Duration.ofMinutes(1))
        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .build());

    @Override
    public String pay(String order) {
      return charges.charge(order);
    }
  }

  @WorkflowInterface
  public interface BuggyPayment {
    @WorkflowMethod
    String pay(String order);
  }

  /** Throws a bug while {@link #broken} is set, as workflow code would until a fix is deployed. */
  public static class BuggyPaymentImpl implements BuggyPayment {
    public static volatile boolean broken;
    private final Charges charges = Workflow.newActivityStub(Charges.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public String pay(String order) {
      if (broken) {
        throw new IllegalStateException("bug in workflow code");
      }
      return charges.charge(order);
    }
  }

  /** Each call takes the next scripted behaviour: succeed, or fail with an ordinary exception. */
  public static final class ScriptedCharges implements Charges {
    private final Deque<Boolean> failures = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int heartbeatsPerCall;

    public synchronized ScriptedCharges failNext(int times) {
      for (int i = 0; i < times; i++) {
        failures.add(true);
      }
      return this;
    }

    public ScriptedCharges heartbeat(int times) {
      heartbeatsPerCall = times;
      return this;
    }

    public int calls() {
      return calls.get();
    }

    @Override
    public String charge(String order) {
      calls.incrementAndGet();
      for (int i = 0; i < heartbeatsPerCall; i++) {
        Activity.getExecutionContext().heartbeat(i);
      }
      boolean fail;
      synchronized (this) {
        fail = !failures.isEmpty() && failures.poll();
      }
      if (fail) {
        throw new IllegalStateException("card service unavailable");
      }
      return "charged " + order;
    }
  }
}
