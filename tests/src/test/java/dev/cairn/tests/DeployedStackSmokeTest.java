package dev.cairn.tests;

import dev.cairn.tests.support.CairnHttp;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user's first steps against a deployed stack (samlocal on LocalStack; real AWS needs SigV4,
 * which this client does not sign): {@code CAIRN_API_URL} is the API's base URL, e.g.
 * {@code http://localhost:4566/restapis/ID/v1/_user_request_}. Skipped, with the reason printed, when unset.
 */
class DeployedStackSmokeTest {
  private static CairnHttp api;
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void connect() {
    String url = System.getenv("CAIRN_API_URL");
    if (url == null || url.isBlank()) {
      String reason = "DeployedStackSmokeTest skipped: CAIRN_API_URL is not set (see localstack/README.md)";
      System.err.println(reason);
      Assumptions.abort(reason);
    }
    api = new CairnHttp(URI.create(url));
  }

  @Test
  void orderWorkflow_shouldReturnTheShippedOrder_onTheDeployedStack() {
    Scenarios.sequentialOrderCompletes(api, "order-seq-deployed-" + RUN);
  }

  @Test
  void tripBooking_shouldFailWithItsCause_whenTheFlightIsSoldOut() {
    // the deployed samples (SampleWorkers) sell out flights for a traveler named "(no flight)"
    String id = "trip-saga-deployed-" + RUN;
    api.start("TripBookingWorkflow", id, "Ann (no flight)");
    com.fasterxml.jackson.databind.JsonNode d = api.awaitClosed(id, java.time.Duration.ofMinutes(2));
    org.junit.jupiter.api.Assertions.assertEquals("FAILED", d.get("status").asText(), d.toString());
    org.junit.jupiter.api.Assertions.assertTrue(d.get("failure").toString().contains("no flight available"), d.toString());
  }
}
