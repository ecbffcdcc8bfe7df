package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import dev.cairn.tests.support.Poll;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A workflow's upserted search attributes are what GET /workflows filters on and what describe shows. */
class UpsertedSearchAttributesAreListedTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  private static CairnHttp api() {
    return stack.api();
  }

  private static JsonNode listed(String status) {
    return api().get("/workflows?OrderStatus=" + status).body().get("executions");
  }

  @Test
  void list_shouldFindTheRunByItsUpsertedStatus_whenTheWorkflowUpsertsItAndLaterChangesIt() {
    api().start("TrackedOrderWorkflow", "tracked-order-1", "order-1");

    JsonNode packed = Poll.until(Scenarios.COMPLETES_WITHIN, "the order listed as PACKED", () -> {
      JsonNode found = listed("PACKED");
      return found.size() == 1 ? Optional.of(found) : Optional.empty();
    });
    assertEquals("tracked-order-1", packed.get(0).get("workflowId").asText(), packed.toString());
    JsonNode d = api().describe("tracked-order-1");
    assertEquals("PACKED", d.path("searchAttributes").path("OrderStatus").asText(), d.toString());

    api().post("/workflows/tracked-order-1/signals/shipped", "[]");
    JsonNode done = api().awaitCompleted("tracked-order-1", Scenarios.COMPLETES_WITHIN);

    assertEquals("order-1:SHIPPED", done.path("result").asText(), done.toString());
    assertEquals("SHIPPED", done.path("searchAttributes").path("OrderStatus").asText(), done.toString());
    assertEquals(0, listed("PACKED").size(), "no longer PACKED");
    assertEquals("tracked-order-1", listed("SHIPPED").get(0).get("workflowId").asText());
  }
}
