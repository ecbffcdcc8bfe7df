package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.client.WorkflowFailedException;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.samples.hello.HelloSaga.TripBookingActivities;
import dev.cairn.samples.hello.HelloSaga.TripBookingWorkflow;
import dev.cairn.samples.hello.HelloSaga.TripBookingWorkflowImpl;
import dev.cairn.testing.TestWorkflowRule;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.mockito.InOrder;

/** HelloSaga with the JUnit 4 rule: a mocked booking service, compensations verified in order. */
public class HelloSagaRuleTest {
  private final TripBookingActivities activities = mock(TripBookingActivities.class, withSettings().withoutAnnotations());

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(TripBookingWorkflowImpl.class)
      .setActivityImplementations(activities)
      .build();

  private void bookingsSucceed() {
    when(activities.reserveCar("Ann")).thenReturn("car-1");
    when(activities.bookHotel("Ann")).thenReturn("hotel-2");
    when(activities.bookFlight("Ann")).thenReturn("flight-3");
  }

  @Test
  public void bookTrip_shouldReturnAllThreeBookings_whenEveryStepSucceeds() {
    bookingsSucceed();

    List<String> bookings = testWorkflowRule.newWorkflowStub(TripBookingWorkflow.class).bookTrip("Ann");

    assertEquals(List.of("car-1", "hotel-2", "flight-3"), bookings);
    verify(activities, never()).cancelCar(anyString());
    verify(activities, never()).cancelHotel(anyString());
    verify(activities, never()).cancelFlight(anyString());
  }

  @Test
  public void bookTrip_shouldCancelHotelThenCar_whenTheFlightIsSoldOut() {
    bookingsSucceed();
    when(activities.bookFlight("Ann"))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("no flight available for Ann", "SoldOut"));
    TripBookingWorkflow workflow = testWorkflowRule.newWorkflowStub(TripBookingWorkflow.class);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> workflow.bookTrip("Ann"));

    assertTrue(e.getCause() instanceof ActivityFailure);
    assertEquals("SoldOut", ((ApplicationFailure) e.getCause().getCause()).getType());
    InOrder order = inOrder(activities);
    order.verify(activities).reserveCar("Ann");
    order.verify(activities).bookHotel("Ann");
    order.verify(activities).bookFlight("Ann");
    order.verify(activities).cancelHotel("hotel-2");
    order.verify(activities).cancelCar("car-1");
    verify(activities, never()).cancelFlight(anyString());
  }
}
