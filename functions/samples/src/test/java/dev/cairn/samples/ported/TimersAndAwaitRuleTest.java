package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;

import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.TimerOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;

/** Durable time in workflow code: sleep(long), newTimer with TimerOptions, and await with a timeout both ways. */
public class TimersAndAwaitRuleTest {
  @WorkflowInterface
  public interface InvoiceWorkflow {
    /** Waits for payment up to {@code patienceMinutes}; answers how it ended and after how long. */
    @WorkflowMethod
    String awaitPayment(int patienceMinutes);

    @SignalMethod
    void paid();
  }

  public static class InvoiceWorkflowImpl implements InvoiceWorkflow {
    private boolean paid;

    @Override
    public String awaitPayment(int patienceMinutes) {
      long start = Workflow.currentTimeMillis();
      boolean inTime = Workflow.await(Duration.ofMinutes(patienceMinutes), () -> paid);
      return (inTime ? "paid" : "overdue") + " after " + (Workflow.currentTimeMillis() - start) + " ms";
    }

    @Override
    public void paid() {
      paid = true;
    }
  }

  @WorkflowInterface
  public interface DunningWorkflow {
    /** Sleeps {@code firstReminderMillis}, then a 30-minute grace timer; answers the workflow time it took. */
    @WorkflowMethod
    long remind(long firstReminderMillis);
  }

  public static class DunningWorkflowImpl implements DunningWorkflow {
    @Override
    public long remind(long firstReminderMillis) {
      long start = Workflow.currentTimeMillis();
      Workflow.sleep(firstReminderMillis);
      Promise<Void> grace = Workflow.newTimer(Duration.ofMinutes(30), TimerOptions.newBuilder().setSummary("grace period").build());
      grace.get();
      return Workflow.currentTimeMillis() - start;
    }
  }

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(InvoiceWorkflowImpl.class, DunningWorkflowImpl.class)
      .build();

  private <T> T newStub(Class<T> workflowInterface, String workflowId) {
    return testWorkflowRule.getWorkflowClient().newWorkflowStub(workflowInterface, WorkflowOptions.newBuilder()
        .setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
  }

  @Test
  public void await_shouldReturnFalseAtExactlyTheTimeout_whenNoPaymentArrives() {
    InvoiceWorkflow invoice = newStub(InvoiceWorkflow.class, "invoice-overdue");

    assertEquals("overdue after 3600000 ms", invoice.awaitPayment(60));
  }

  @Test
  public void await_shouldReturnTrueBeforeTheTimeout_whenThePaymentSignalArrives() {
    InvoiceWorkflow invoice = newStub(InvoiceWorkflow.class, "invoice-paid");
    WorkflowClient.start(invoice::awaitPayment, 60);
    testWorkflowRule.getTestEnvironment().registerDelayedCallback(Duration.ofMinutes(10), invoice::paid);

    String result = WorkflowStub.fromTyped(invoice).getResult(String.class);

    long waited = Long.parseLong(result.replaceAll("\\D", ""));
    assertEquals("paid after " + waited + " ms", result);
    assertEquals("woke at the payment, about ten minutes in", 10, Math.round(waited / 60_000.0));
  }

  @Test
  public void remind_shouldTakeTheSleepPlusTheGraceTimer_whenBothAreDurableTimers() {
    DunningWorkflow dunning = newStub(DunningWorkflow.class, "dunning-1");

    assertEquals(Duration.ofHours(24).plusMinutes(30).toMillis(), dunning.remind(Duration.ofHours(24).toMillis()));

    long firedTimers = testWorkflowRule.getWorkflowClient().fetchHistory("dunning-1").getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_FIRED).count();
    assertEquals(2, firedTimers);
  }
}
