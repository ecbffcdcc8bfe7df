package dev.cairn.tests.support;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A payment completed asynchronously: the activity hands its task token to the payment provider
 * (here, a map the test reads) and returns without completing; the provider's callback completes or
 * fails it through {@code POST /activities/...}.
 */
public final class AsyncPayment {
  private AsyncPayment() {}

  /** Workflow id → base64 task token of its charge activity, as a payment provider would keep it. */
  public static final Map<String, String> TASK_TOKENS = new ConcurrentHashMap<>();

  @WorkflowInterface
  public interface PaymentWorkflow {
    /** Returns the provider's confirmation, or "declined: reason" when the provider failed the charge. */
    @WorkflowMethod
    String pay(String order);
  }

  @ActivityInterface
  public interface PaymentActivities {
    String chargeCard(String order);
  }

  public static class PaymentWorkflowImpl implements PaymentWorkflow {
    private final PaymentActivities activities = Workflow.newActivityStub(PaymentActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(2))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());

    @Override
    public String pay(String order) {
      try {
        return activities.chargeCard(order);
      } catch (ActivityFailure e) {
        ApplicationFailure cause = (ApplicationFailure) e.getCause();
        return "declined: " + cause.getOriginalMessage() + " (" + cause.getType() + ")";
      }
    }
  }

  public static class PaymentActivitiesImpl implements PaymentActivities {
    @Override
    public String chargeCard(String order) {
      var context = Activity.getExecutionContext();
      TASK_TOKENS.put(context.getInfo().getWorkflowId(), Base64.getEncoder().encodeToString(context.getTaskToken()));
      context.doNotCompleteOnReturn();
      return null; // ignored: the provider's callback completes the activity
    }
  }
}
