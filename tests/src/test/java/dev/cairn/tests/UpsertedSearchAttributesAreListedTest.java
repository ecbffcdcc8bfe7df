package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import dev.cairn.tests.support.Poll;
import java.util.ArrayList;
import java.util.List;
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

  /** The ids of the runs listed with that status; other tests' orders share the stack's store. */
  private static List<String> listed(String status) {
    List<String> ids = new ArrayList<>();
    api().get("/workflows?OrderStatus=" + status).body().get("executions").forEach(e -> ids.add(e.get("workflowId").asText()));
    return ids;
  }

  @Test
  void list_shouldFindTheRunByItsUpsertedStatus_whenTheWorkflowUpsertsItAndLaterChangesIt() {
    api().start("TrackedOrderWorkflow", "tracked-order-1", "order-1");

    Poll.until(Scenarios.COMPLETES_WITHIN, "the order listed as PACKED",
        () -> listed("PACKED").contains("tracked-order-1") ? Optional.of(true) : Optional.empty());
    JsonNode d = api().describe("tracked-order-1");
    assertEquals("PACKED", d.path("searchAttributes").path("OrderStatus").asText(), d.toString());

    api().post("/workflows/tracked-order-1/signals/shipped", "[]");
    JsonNode done = api().awaitCompleted("tracked-order-1", Scenarios.COMPLETES_WITHIN);

    assertEquals("order-1:SHIPPED", done.path("result").asText(), done.toString());
    assertEquals("SHIPPED", done.path("searchAttributes").path("OrderStatus").asText(), done.toString());
    assertFalse(listed("PACKED").contains("tracked-order-1"), "no longer PACKED");
    assertTrue(listed("SHIPPED").contains("tracked-order-1"));
  }
}
