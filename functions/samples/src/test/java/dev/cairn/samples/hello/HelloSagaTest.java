package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.samples.hello.HelloSaga.TripBookingActivitiesImpl;
import dev.cairn.samples.hello.HelloSaga.TripBookingWorkflow;
import dev.cairn.samples.hello.HelloSaga.TripBookingWorkflowImpl;
import dev.cairn.testing.TestWorkflowEnvironment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HelloSagaTest {
  private TestWorkflowEnvironment env;

  private TripBookingWorkflow start(TripBookingActivitiesImpl activities) {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker("hello-saga");
    worker.registerWorkflowImplementationTypes(TripBookingWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    return env.getWorkflowClient().newWorkflowStub(TripBookingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue("hello-saga").build());
  }

  @AfterEach
  void tearDown() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void bookTrip_shouldBookEverythingAndCompensateNothing_whenAllStepsSucceed() {
    TripBookingActivitiesImpl activities = new TripBookingActivitiesImpl();
    TripBookingWorkflow workflow = start(activities);
    assertEquals(List.of("car-Ann", "hotel-Ann", "flight-Ann"), workflow.bookTrip("Ann"));
    assertEquals(List.of("reserveCar:Ann", "bookHotel:Ann", "bookFlight:Ann"), activities.getCalls());
  }

  @Test
  void bookTrip_shouldCompensateInReverseOrderAndFail_whenFlightFails() {
    TripBookingActivitiesImpl activities = new TripBookingActivitiesImpl("flight");
    TripBookingWorkflow workflow = start(activities);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> workflow.bookTrip("Ann"));

    ActivityFailure activityFailure = assertInstanceOf(ActivityFailure.class, e.getCause());
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, activityFailure.getCause());
    assertEquals("SoldOut", cause.getType());
    assertEquals("no flight available for Ann", cause.getOriginalMessage());
    assertEquals(List.of("reserveCar:Ann", "bookHotel:Ann", "bookFlight:Ann",
        "cancelHotel:hotel-Ann", "cancelCar:car-Ann"), activities.getCalls());
  }

  @Test
  void bookTrip_shouldCompensateOnlyCar_whenHotelFails() {
    TripBookingActivitiesImpl activities = new TripBookingActivitiesImpl("hotel");
    TripBookingWorkflow workflow = start(activities);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> workflow.bookTrip("Bob"));

    assertInstanceOf(ActivityFailure.class, e.getCause());
    assertEquals(List.of("reserveCar:Bob", "bookHotel:Bob", "cancelCar:car-Bob"), activities.getCalls());
  }
}
