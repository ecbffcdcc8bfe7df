package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local activities as a Temporal user writes them: run in the decision, recorded as markers. */
class LocalActivityTest {
  static final String QUEUE = "local-activities";

  @ActivityInterface
  public interface Pricing {
    int price(String item);
  }

  /** Fails {@code failuresLeft} times, then answers; counts every call. */
  public static class PricingImpl implements Pricing {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile boolean sawLocal;

    @Override
    public int price(String item) {
      calls.incrementAndGet();
      sawLocal = Activity.getExecutionContext().getInfo().isLocal();
      if (item.startsWith("bad")) {
        throw ApplicationFailure.newNonRetryableFailure("no price for " + item, "UnknownItem");
      }
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("price service busy");
      }
      return item.length() * 10;
    }
  }

  @WorkflowInterface
  public interface Basket {
    @WorkflowMethod
    String total(List<String> items);
  }

  static LocalActivityOptions.Builder options() {
    return LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(10)).build());
  }

  public static class BasketImpl implements Basket {
    private final Pricing pricing = Workflow.newLocalActivityStub(Pricing.class, options().build());

    @Override
    public String total(List<String> items) {
      int first = pricing.price(items.get(0));
      Promise<Integer> rest = Async.function(pricing::price, items.get(1));
      int total = first + rest.get();
      try {
        pricing.price("bad-" + items.get(0));
      } catch (ActivityFailure e) {
        return total + " (" + ((ApplicationFailure) e.getCause()).getType() + ")";
      }
      return String.valueOf(total);
    }
  }

  /** Retries with a backoff above the local threshold go through a durable workflow timer. */
  public static class PatientBasketImpl implements Basket {
    private final Pricing pricing = Workflow.newLocalActivityStub(Pricing.class, options()
        .setLocalRetryThreshold(Duration.ofSeconds(1))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMinutes(10)).build())
        .build());

    @Override
    public String total(List<String> items) {
      return String.valueOf(pricing.price(items.get(0)));
    }
  }

  private TestWorkflowEnvironment env;
  private final PricingImpl pricing = new PricingImpl();

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private Basket start(Class<?> workflowClass, String workflowId) {
    var worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(workflowClass);
    worker.registerActivitiesImplementations(pricing);
    env.start();
    return env.getWorkflowClient().newWorkflowStub(Basket.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
  }

  private static List<HistoryEvent> markers(List<HistoryEvent> history) {
    return history.stream().filter(e -> e.attributes() instanceof EventAttributes.MarkerRecorded m
        && m.markerName().equals("LocalActivity")).toList();
  }

  @Test
  void newLocalActivityStub_shouldRunInDecisionAndRecordMarkers_whenCalled() {
    Basket basket = start(BasketImpl.class, "basket-1");

    String total = basket.total(List.of("tea", "scone"));

    assertEquals("80 (UnknownItem)", total);
    assertEquals(3, pricing.calls.get());
    assertTrue(pricing.sawLocal, "ActivityInfo.isLocal() inside a local activity");
    List<HistoryEvent> history = HistoryWait.history(env.getWorkflowClient(), "basket-1");
    assertEquals(3, markers(history).size());
    assertTrue(history.stream().noneMatch(e -> e.attributes() instanceof EventAttributes.ActivityTaskScheduled),
        "no activity task goes through the queue");
    EventAttributes.MarkerRecorded failed = (EventAttributes.MarkerRecorded) markers(history).get(2).attributes();
    assertEquals("UnknownItem", failed.failure().applicationFailureInfo().type());
  }

  @Test
  void newLocalActivityStub_shouldRetryInsideTheDecision_whenBackoffIsShort() {
    pricing.failuresLeft.set(2);
    Basket basket = start(BasketImpl.class, "basket-retry");

    assertEquals("80 (UnknownItem)", basket.total(List.of("tea", "scone")));

    assertEquals(5, pricing.calls.get()); // two failed attempts, then tea, scone and the bad item
    List<HistoryEvent> history = HistoryWait.history(env.getWorkflowClient(), "basket-retry");
    assertEquals(3, markers(history).size(), "one marker per call, however many attempts");
    assertTrue(history.stream().noneMatch(e -> e.attributes() instanceof EventAttributes.TimerStarted));
  }

  @Test
  void newLocalActivityStub_shouldRetryAfterWorkflowTimer_whenBackoffExceedsLocalRetryThreshold() {
    pricing.failuresLeft.set(1);
    Basket basket = start(PatientBasketImpl.class, "basket-patient");
    long before = env.currentTimeMillis();

    assertEquals("30", basket.total(List.of("tea")));

    assertEquals(2, pricing.calls.get());
    assertTrue(env.currentTimeMillis() - before >= Duration.ofMinutes(10).toMillis(), "waited the backoff");
    List<HistoryEvent> history = HistoryWait.history(env.getWorkflowClient(), "basket-patient");
    assertEquals(2, markers(history).size(), "the failed attempt, then the one after the timer");
    assertTrue(history.stream().anyMatch(e -> e.attributes() instanceof EventAttributes.TimerFired));
  }

  @Test
  void replayWorkflowExecution_shouldNotRunLocalActivities_whenHistoryHasTheirMarkers() {
    pricing.failuresLeft.set(2);
    start(BasketImpl.class, "basket-replayed").total(List.of("tea", "scone"));
    int callsBefore = pricing.calls.get();

    WorkflowReplayer.replayWorkflowExecution(env.getWorkflowClient().fetchHistory("basket-replayed"), BasketImpl.class);

    assertEquals(callsBefore, pricing.calls.get());
  }

  @Test
  void replayWorkflowExecution_shouldReplayTimerRetries_whenBackoffWentThroughATimer() {
    pricing.failuresLeft.set(1);
    start(PatientBasketImpl.class, "patient-replayed").total(List.of("tea"));
    int callsBefore = pricing.calls.get();

    WorkflowReplayer.replayWorkflowExecution(env.getWorkflowClient().fetchHistory("patient-replayed"),
        PatientBasketImpl.class);

    assertEquals(callsBefore, pricing.calls.get());
  }
}
