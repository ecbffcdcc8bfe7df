package dev.cairn.tests;

import dev.cairn.tests.support.EmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user books a trip whose flight is sold out; what was booked is cancelled and the run fails. */
class SagaCompensatesWhenBookingFailsTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void tripBooking_shouldCancelHotelThenCar_whenTheFlightIsSoldOut() {
    Scenarios.sagaCompensates(stack.api(), "trip-saga-sqlite");
  }
}
