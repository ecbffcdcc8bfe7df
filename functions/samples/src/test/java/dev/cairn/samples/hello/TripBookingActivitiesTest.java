package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class TripBookingActivitiesTest {
  @Test
  void bookFlight_shouldFailAsSoldOut_whenTravelerNameRulesFlightOut() {
    HelloSaga.TripBookingActivitiesImpl activities = new HelloSaga.TripBookingActivitiesImpl();

    assertEquals("car-Ann (no flight)", activities.reserveCar("Ann (no flight)"));
    ApplicationFailure e = assertThrows(ApplicationFailure.class, () -> activities.bookFlight("Ann (no flight)"));
    assertEquals("SoldOut", e.getType());
    assertEquals("flight-Bob", activities.bookFlight("Bob"));
  }
}
