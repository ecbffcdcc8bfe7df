package dev.cairn.tests;

import static dev.cairn.tests.support.CairnHttp.eventTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.CleanHistory;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user starts an OrderWorkflow (validate, charge, ship) and reads its result and history. */
class SequentialActivitiesCompleteTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void orderWorkflow_shouldReturnTheShippedOrder_whenItsThreeActivitiesRunInSequence() {
    Scenarios.sequentialOrderCompletes(stack.api(), "order-seq-sqlite");
  }
}
