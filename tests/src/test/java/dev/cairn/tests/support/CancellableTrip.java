package dev.cairn.tests.support;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.samples.hello.HelloSaga.TripBookingActivities;
import dev.cairn.workflow.Saga;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;

/**
 * A trip that books a car and a hotel, then waits for the traveler to confirm before booking the
 * flight. Cancelling it while it waits undoes the bookings: Temporal's pattern of running the saga's
 * compensations in a detached scope, which the workflow's own cancellation does not cancel.
 */
public final class CancellableTrip {
  private CancellableTrip() {}

  @WorkflowInterface
  public interface CancellableTripWorkflow {
    @WorkflowMethod
    List<String> bookTrip(String traveler);

    @SignalMethod
    void confirm();
  }

  public static class CancellableTripWorkflowImpl implements CancellableTripWorkflow {
    private final TripBookingActivities activities = Workflow.newActivityStub(TripBookingActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
    private boolean confirmed;

    @Override
    public List<String> bookTrip(String traveler) {
      Saga saga = new Saga(new Saga.Options.Builder().setParallelCompensation(false).build());
      try {
        String car = activities.reserveCar(traveler);
        saga.addCompensation(activities::cancelCar, car);
        String hotel = activities.bookHotel(traveler);
        saga.addCompensation(activities::cancelHotel, hotel);
        Workflow.await(() -> confirmed);
        String flight = activities.bookFlight(traveler);
        saga.addCompensation(activities::cancelFlight, flight);
        return List.of(car, hotel, flight);
      } catch (CanceledFailure e) {
        Workflow.newDetachedCancellationScope(saga::compensate).run();
        throw e;
      }
    }

    @Override
    public void confirm() {
      confirmed = true;
    }
  }
}
