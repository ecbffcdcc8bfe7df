package dev.cairn.samples.hello;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.workflow.Saga;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Shows the saga pattern on a trip booking: each step that succeeds registers its compensation on a
 * {@link Saga}; when a later step fails, the workflow runs the compensations, in reverse order, and
 * rethrows the failure, so the trip is either fully booked or fully cancelled.
 */
public final class HelloSaga {
  private HelloSaga() {}

  @WorkflowInterface
  public interface TripBookingWorkflow {
    /** Books a car, a hotel and a flight for {@code traveler}; returns the three booking ids. */
    @WorkflowMethod
    List<String> bookTrip(String traveler);
  }

  @ActivityInterface
  public interface TripBookingActivities {
    String reserveCar(String traveler);

    String bookHotel(String traveler);

    String bookFlight(String traveler);

    void cancelCar(String reservationId);

    void cancelHotel(String reservationId);

    void cancelFlight(String reservationId);
  }

  public static class TripBookingWorkflowImpl implements TripBookingWorkflow {
    private final TripBookingActivities activities = Workflow.newActivityStub(TripBookingActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public List<String> bookTrip(String traveler) {
      Saga saga = new Saga(new Saga.Options.Builder().setParallelCompensation(false).build());
      try {
        String car = activities.reserveCar(traveler);
        saga.addCompensation(activities::cancelCar, car);
        String hotel = activities.bookHotel(traveler);
        saga.addCompensation(activities::cancelHotel, hotel);
        String flight = activities.bookFlight(traveler);
        saga.addCompensation(activities::cancelFlight, flight);
        return List.of(car, hotel, flight);
      } catch (ActivityFailure e) {
        saga.compensate();
        throw e;
      }
    }
  }

  /**
   * Books nothing real: it returns ids and records every call, in order, in a thread-safe list. Booking
   * the step named by {@code failingStep} ("car", "hotel" or "flight") fails without retries, and so
   * does a step the traveler's name rules out, such as "Ann (no flight)", so that a deployed sample
   * can be made to compensate from its input alone.
   */
  public static class TripBookingActivitiesImpl implements TripBookingActivities {
    private final String failingStep;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    public TripBookingActivitiesImpl() {
      this(null);
    }

    public TripBookingActivitiesImpl(String failingStep) {
      this.failingStep = failingStep;
    }

    /** A copy of the calls so far, such as {@code "reserveCar:Ann"} or {@code "cancelCar:car-Ann"}. */
    public List<String> getCalls() {
      synchronized (calls) {
        return new ArrayList<>(calls);
      }
    }

    private String book(String step, String method, String traveler) {
      calls.add(method + ":" + traveler);
      if (step.equals(failingStep) || traveler.contains("(no " + step + ")")) {
        throw ApplicationFailure.newNonRetryableFailure("no " + step + " available for " + traveler, "SoldOut");
      }
      return step + "-" + traveler;
    }

    @Override
    public String reserveCar(String traveler) {
      return book("car", "reserveCar", traveler);
    }

    @Override
    public String bookHotel(String traveler) {
      return book("hotel", "bookHotel", traveler);
    }

    @Override
    public String bookFlight(String traveler) {
      return book("flight", "bookFlight", traveler);
    }

    @Override
    public void cancelCar(String reservationId) {
      calls.add("cancelCar:" + reservationId);
    }

    @Override
    public void cancelHotel(String reservationId) {
      calls.add("cancelHotel:" + reservationId);
    }

    @Override
    public void cancelFlight(String reservationId) {
      calls.add("cancelFlight:" + reservationId);
    }
  }
}
