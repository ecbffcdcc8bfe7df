package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.history.v1.History;
import dev.cairn.api.history.v1.HistoryEvent;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Rule;
import org.junit.Test;

/**
 * The JUnit 4 harness itself, as a Temporal user drives it: the rule's builder and getters, an
 * environment the test starts itself, and the environment's lifecycle, callbacks and test clock.
 */
public class TestHarnessRuleTest {
  static final Instant TEST_EPOCH = Instant.parse("2030-01-01T00:00:00Z");

  @ActivityInterface
  public interface StockActivities {
    int reserve(String sku, int quantity);
  }

  @ActivityInterface
  public interface PaymentActivities {
    String charge(String sku, int cents);
  }

  @WorkflowInterface
  public interface OrderWorkflow {
    @WorkflowMethod
    String place(String sku, int quantity);
  }

  public static class OrderWorkflowImpl implements OrderWorkflow {
    private final ActivityOptions options = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build();
    private final StockActivities stock = Workflow.newActivityStub(StockActivities.class, options);
    private final PaymentActivities payments = Workflow.newActivityStub(PaymentActivities.class, options);

    @Override
    public String place(String sku, int quantity) {
      int reserved = stock.reserve(sku, quantity);
      return reserved + " x " + sku + ", " + payments.charge(sku, reserved * 250) + " in " + Workflow.getInfo().getNamespace();
    }
  }

  @WorkflowInterface
  public interface ReminderWorkflow {
    /** Waits up to {@code patienceSeconds} for an acknowledgement; returns the workflow time it waited. */
    @WorkflowMethod
    long remind(int patienceSeconds);

    @SignalMethod
    void acknowledge();
  }

  public static class ReminderWorkflowImpl implements ReminderWorkflow {
    private boolean acknowledged;

    @Override
    public long remind(int patienceSeconds) {
      long start = Workflow.currentTimeMillis();
      Workflow.await(Duration.ofSeconds(patienceSeconds), () -> acknowledged);
      return Workflow.currentTimeMillis() - start;
    }

    @Override
    public void acknowledge() {
      acknowledged = true;
    }
  }

  private final StockActivities stock = mock(StockActivities.class);

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(OrderWorkflowImpl.class, ReminderWorkflowImpl.class)
      .setActivityImplementations(stock)
      .setNamespace("orders")
      .setInitialTime(TEST_EPOCH)
      .setDoNotStart(true)
      .build();

  /** Registers the mocked payments on the rule's worker, then starts the environment, as the test's own step. */
  private PaymentActivities startWithPayments() {
    PaymentActivities payments = mock(PaymentActivities.class);
    when(payments.charge("tea", 750)).thenReturn("charged 750");
    testWorkflowRule.getWorker().registerActivitiesImplementations(payments);
    testWorkflowRule.getTestEnvironment().start();
    return payments;
  }

  private OrderWorkflow newOrder(String workflowId) {
    return testWorkflowRule.getWorkflowClient().newWorkflowStub(OrderWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
  }

  private ReminderWorkflow newReminder(String workflowId) {
    return testWorkflowRule.getWorkflowClient().newWorkflowStub(ReminderWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
  }

  @Test
  public void place_shouldUseBuilderAndWorkerRegisteredMocks_whenTheTestStartsTheEnvironmentItself() {
    when(stock.reserve("tea", 3)).thenReturn(3);
    assertFalse("setDoNotStart(true) leaves the environment stopped", testWorkflowRule.getTestEnvironment().isStarted());

    PaymentActivities payments = startWithPayments();
    String result = newOrder("order-1").place("tea", 3);

    assertEquals("3 x tea, charged 750 in orders", result);
    verify(stock).reserve("tea", 3);
    verify(payments).charge("tea", 750);
    assertEquals(testWorkflowRule.getTaskQueue(), testWorkflowRule.getWorker().getTaskQueue());
    assertSame(testWorkflowRule.getTestEnvironment().getWorkflowClient(), testWorkflowRule.getWorkflowClient());
  }

  @Test
  @SuppressWarnings("deprecation") // getHistory is deprecated in Temporal too, and still used by its samples' tests
  public void getHistory_shouldListTheRunFromStartToCompletion_whenGivenItsExecution() {
    when(stock.reserve("tea", 3)).thenReturn(3);
    startWithPayments();
    OrderWorkflow order = newOrder("order-history");
    WorkflowExecution execution = WorkflowClient.start(order::place, "tea", 3);
    WorkflowStub.fromTyped(order).getResult(String.class);

    History history = testWorkflowRule.getHistory(execution);

    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, history.getEvents(0).getEventType());
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
        history.getEvents(history.getEventsCount() - 1).getEventType());
    assertEquals(2, history.getEventsList().stream().map(HistoryEvent::getEventType)
        .filter(t -> t == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED).count());
  }

  @Test
  public void start_shouldBeIdempotent_whenCalledTwice() {
    when(stock.reserve("tea", 3)).thenReturn(3);
    startWithPayments();
    TestWorkflowEnvironment testEnv = testWorkflowRule.getTestEnvironment();

    testEnv.start();

    assertTrue(testEnv.isStarted());
    assertEquals("3 x tea, charged 750 in orders", newOrder("order-after-restart").place("tea", 3));
    verify(stock, times(1)).reserve("tea", 3);
  }

  @Test
  public void shutdownAndClose_shouldBeSafe_whenEachIsCalledTwice() {
    TestWorkflowEnvironment testEnv = testWorkflowRule.getTestEnvironment();
    testEnv.start();

    testEnv.shutdown();
    testEnv.shutdown();
    testEnv.close();
    testEnv.close(); // and the rule closes it once more after the test

    verifyNoInteractions(stock);
  }

  @Test
  public void getNamespace_shouldBeTheBuildersNamespace_whenSetOnTheRule() {
    assertEquals("orders", testWorkflowRule.getTestEnvironment().getNamespace());
  }

  @Test
  public void await_shouldWakeAtExactlySixtySecondsOfTestTime_whenNobodyAcknowledges() {
    testWorkflowRule.getTestEnvironment().start();

    long waited = newReminder("reminder-60s").remind(60);

    assertEquals(60_000, waited);
  }

  @Test
  public void registerDelayedCallback_shouldFireAtItsTestTime_whenTheWorkflowWaitsForIt() {
    TestWorkflowEnvironment testEnv = testWorkflowRule.getTestEnvironment();
    testEnv.start();
    ReminderWorkflow reminder = newReminder("reminder-callback");
    WorkflowClient.start(reminder::remind, (int) Duration.ofDays(1).toSeconds());
    AtomicLong firedAt = new AtomicLong();
    long registeredAt = testEnv.currentTimeMillis();

    testEnv.registerDelayedCallback(Duration.ofHours(2), () -> {
      firedAt.set(testEnv.currentTimeMillis());
      reminder.acknowledge();
    });
    long waited = WorkflowStub.fromTyped(reminder).getResult(Long.class);

    long delay = firedAt.get() - registeredAt;
    assertTrue("fired after " + delay + " ms of test time",
        delay >= Duration.ofHours(2).toMillis() && delay < Duration.ofHours(2).plusSeconds(1).toMillis());
    // The workflow's clock started at its first decision, a moment after the callback was registered.
    assertTrue("the workflow woke after " + waited + " ms, not after its one-day patience",
        Math.abs(waited - Duration.ofHours(2).toMillis()) < 1_000);
  }

  @Test
  public void getDiagnostics_shouldShowTheTestClock_whenTimeWasSkipped() {
    TestWorkflowEnvironment testEnv = testWorkflowRule.getTestEnvironment();
    testEnv.start();

    testEnv.sleep(Duration.ofHours(5));
    String diagnostics = testEnv.getDiagnostics();

    assertTrue(diagnostics, diagnostics.contains("time=2030-01-01T05:00"));
  }
}
