package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Saga;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Promises over lists (allOf, anyOf, getFailure, isCompleted), a cancellation scope cancelled with
 * a reason, and a Saga whose compensations run in parallel.
 */
class PromisesAndScopesExtensionTest {
  static final ActivityOptions ONE_ATTEMPT = ActivityOptions.newBuilder()
      .setStartToCloseTimeout(Duration.ofSeconds(30))
      .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
      .build();

  @ActivityInterface
  public interface PricingActivities {
    int quote(String supplier);
  }

  @WorkflowInterface
  public interface PriceComparisonWorkflow {
    @WorkflowMethod
    String compare(List<String> suppliers);
  }

  /** Asks every supplier at once; reports each outcome, failed ones included. */
  public static class PriceComparisonWorkflowImpl implements PriceComparisonWorkflow {
    private final PricingActivities pricing = Workflow.newActivityStub(PricingActivities.class, ONE_ATTEMPT);

    @Override
    public String compare(List<String> suppliers) {
      List<Promise<Integer>> quotes = new ArrayList<>();
      for (String supplier : suppliers) {
        quotes.add(Async.function(pricing::quote, supplier));
      }
      boolean anyCompletedAtOnce = quotes.stream().anyMatch(Promise::isCompleted);
      Promise<Void> all = Promise.allOf(quotes);
      try {
        all.get();
      } catch (ActivityFailure e) {
        // allOf fails with a quote's failure once all are done; each promise still has its own outcome
      }
      List<String> outcomes = new ArrayList<>();
      for (int i = 0; i < suppliers.size(); i++) {
        Promise<Integer> quote = quotes.get(i);
        RuntimeException failure = quote.getFailure();
        outcomes.add(suppliers.get(i) + (failure == null ? "=" + quote.get()
            : " failed: " + ((ApplicationFailure) failure.getCause()).getOriginalMessage()));
      }
      return "completed at once: " + anyCompletedAtOnce + ", all completed: " + all.isCompleted() + ", " + outcomes;
    }
  }

  @WorkflowInterface
  public interface CourierWorkflow {
    /** Each courier is "name:minutes away"; answers the first to arrive and when. */
    @WorkflowMethod
    String firstToArrive(List<String> couriers);
  }

  public static class CourierWorkflowImpl implements CourierWorkflow {
    @Override
    public String firstToArrive(List<String> couriers) {
      long start = Workflow.currentTimeMillis();
      List<Promise<String>> arrivals = new ArrayList<>();
      for (String courier : couriers) {
        String[] nameAndMinutes = courier.split(":");
        arrivals.add(Workflow.newTimer(Duration.ofMinutes(Long.parseLong(nameAndMinutes[1])))
            .thenApply(fired -> nameAndMinutes[0]));
      }
      String first = Promise.anyOf(arrivals).get();
      return first + " after " + (Workflow.currentTimeMillis() - start) / 60_000 + " min";
    }
  }

  @WorkflowInterface
  public interface CallbackWorkflow {
    @WorkflowMethod
    String waitForAgent();

    @SignalMethod
    void hangUp();
  }

  /** Waits for an agent in a scope; when the customer hangs up, cancels the scope with the reason. */
  public static class CallbackWorkflowImpl implements CallbackWorkflow {
    private boolean hungUp;

    @Override
    public String waitForAgent() {
      List<Promise<Void>> agentFree = new ArrayList<>();
      CancellationScope scope = Workflow.newCancellationScope(() -> agentFree.add(Workflow.newTimer(Duration.ofHours(4))));
      scope.run();
      Workflow.await(() -> hungUp);
      scope.cancel("customer hung up");
      RuntimeException failure = agentFree.get(0).getFailure();
      return scope.isCancelRequested() + " | " + scope.getCancellationReason() + " | "
          + scope.getCancellationRequest().get() + " | " + failure.getClass().getSimpleName();
    }

    @Override
    public void hangUp() {
      hungUp = true;
    }
  }

  @ActivityInterface
  public interface TripActivities {
    void bookFlight(String trip);

    void bookHotel(String trip);

    void bookCar(String trip);

    /** Compensations: each reports whether the other two had started while it ran. */
    void cancelFlight(String trip);

    void cancelHotel(String trip);

    void cancelCar(String trip);
  }

  @WorkflowInterface
  public interface TripWorkflow {
    @WorkflowMethod
    String book(String trip, boolean parallelCompensation);
  }

  public static class TripWorkflowImpl implements TripWorkflow {
    private final TripActivities activities = Workflow.newActivityStub(TripActivities.class, ONE_ATTEMPT);

    @Override
    public String book(String trip, boolean parallelCompensation) {
      Saga saga = new Saga(new Saga.Options.Builder().setParallelCompensation(parallelCompensation).build());
      try {
        activities.bookFlight(trip);
        saga.addCompensation(activities::cancelFlight, trip);
        activities.bookHotel(trip);
        saga.addCompensation(activities::cancelHotel, trip);
        saga.addCompensation(activities::cancelCar, trip); // before the call: a failed booking may still hold a car
        activities.bookCar(trip);
        return "booked";
      } catch (ActivityFailure e) {
        saga.compensate();
        return "compensated";
      }
    }
  }

  /**
   * Flight and hotel book; the car fails. Each cancellation waits, up to a real-time deadline, until
   * all three cancellations have started, and records whether they did.
   */
  static class TripActivitiesImpl implements TripActivities {
    final CountDownLatch allCancellationsStarted = new CountDownLatch(3);
    final List<String> cancellations = new CopyOnWriteArrayList<>();
    private final long deadlineMillis;

    TripActivitiesImpl(long deadlineMillis) {
      this.deadlineMillis = deadlineMillis;
    }

    @Override public void bookFlight(String trip) { }

    @Override public void bookHotel(String trip) { }

    @Override
    public void bookCar(String trip) {
      throw ApplicationFailure.newNonRetryableFailure("car rental confirmation lost", "CarFailed");
    }

    @Override public void cancelFlight(String trip) { cancel("flight"); }

    @Override public void cancelHotel(String trip) { cancel("hotel"); }

    @Override public void cancelCar(String trip) { cancel("car"); }

    private void cancel(String what) {
      allCancellationsStarted.countDown();
      try {
        boolean together = allCancellationsStarted.await(deadlineMillis, TimeUnit.MILLISECONDS);
        cancellations.add(what + (together ? " with the others" : " alone"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(PriceComparisonWorkflowImpl.class, CourierWorkflowImpl.class,
          CallbackWorkflowImpl.class, TripWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  @Test
  void compare_shouldKeepEachQuotesOutcome_whenAllOfFailsForOneSupplier(
      TestWorkflowEnvironment testEnv, Worker worker, PriceComparisonWorkflow workflow) {
    PricingActivities pricing = mock(PricingActivities.class);
    when(pricing.quote("acme")).thenReturn(120);
    when(pricing.quote("globex")).thenThrow(new IllegalStateException("no stock"));
    when(pricing.quote("initech")).thenReturn(99);
    worker.registerActivitiesImplementations(pricing);
    testEnv.start();

    String result = workflow.compare(List.of("acme", "globex", "initech"));

    assertEquals("completed at once: false, all completed: true, [acme=120, globex failed: no stock, initech=99]", result);
    verify(pricing).quote("acme");
    verify(pricing).quote("globex");
    verify(pricing).quote("initech");
  }

  @Test
  void firstToArrive_shouldAnswerTheEarliestTimer_whenAnyOfIsGivenAList(TestWorkflowEnvironment testEnv,
      CourierWorkflow workflow) {
    testEnv.start();

    assertEquals("van after 10 min", workflow.firstToArrive(List.of("bike:30", "van:10", "drone:20")));
  }

  @Test
  void waitForAgent_shouldCancelTheTimerWithTheReason_whenTheScopeIsCancelled(
      TestWorkflowEnvironment testEnv, WorkflowClient client, CallbackWorkflow workflow) {
    testEnv.start();
    String workflowId = WorkflowClient.start(workflow::waitForAgent).getWorkflowId();
    long before = testEnv.currentTimeMillis();

    testEnv.sleep(Duration.ofMinutes(1)); // on hold for a minute: the timer is started by then

    workflow.hangUp();

    assertEquals("true | customer hung up | customer hung up | CanceledFailure",
        WorkflowStub.fromTyped(workflow).getResult(String.class));
    assertTrue(testEnv.currentTimeMillis() - before < Duration.ofHours(4).toMillis(), "the four-hour timer was not waited for");
    List<EventType> events = client.fetchHistory(workflowId).getEvents().stream().map(e -> e.getEventType()).toList();
    assertTrue(events.contains(EventType.EVENT_TYPE_TIMER_STARTED), events.toString());
    assertTrue(events.indexOf(EventType.EVENT_TYPE_TIMER_STARTED) < events.indexOf(EventType.EVENT_TYPE_TIMER_CANCELED),
        events.toString());
  }

  @Test
  void book_shouldRunTheCompensationsAtTheSameTime_whenParallelCompensationIsSet(
      TestWorkflowEnvironment testEnv, Worker worker, TripWorkflow workflow) {
    TripActivitiesImpl activities = new TripActivitiesImpl(TimeUnit.SECONDS.toMillis(20));
    worker.registerActivitiesImplementations(activities);
    testEnv.start();

    assertEquals("compensated", workflow.book("lisbon", true));

    assertEquals(List.of("car with the others", "flight with the others", "hotel with the others"),
        activities.cancellations.stream().sorted().toList());
  }

  @Test
  void book_shouldRunTheCompensationsOneAfterAnother_whenParallelCompensationIsNotSet(
      TestWorkflowEnvironment testEnv, Worker worker, TripWorkflow workflow) {
    TripActivitiesImpl activities = new TripActivitiesImpl(200);
    worker.registerActivitiesImplementations(activities);
    testEnv.start();

    assertEquals("compensated", workflow.book("oslo", false));

    // In reverse order; only the last one finds the other two started.
    assertEquals(List.of("car alone", "hotel alone", "flight with the others"), activities.cancellations);
  }
}
