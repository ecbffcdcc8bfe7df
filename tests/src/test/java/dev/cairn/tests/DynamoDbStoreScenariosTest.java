package dev.cairn.tests;

import dev.cairn.tests.support.EmbeddedStack;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The representative subset on the DynamoDB store (moto_server, the store that runs in the cloud): the
 * same user steps and checks as on SQLite. Skipped without moto_server, failed under CI=true.
 */
class DynamoDbStoreScenariosTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.dynamoDb().build();

  /** moto keeps its tables for the life of the server, which other test classes share. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void orderWorkflow_shouldReturnTheShippedOrder_whenHistoriesLiveInDynamoDb() {
    Scenarios.sequentialOrderCompletes(stack.api(), "order-seq-dynamodb-" + RUN);
  }

  @Test
  void tripBooking_shouldCompensate_whenHistoriesLiveInDynamoDb() {
    Scenarios.sagaCompensates(stack.api(), "trip-saga-dynamodb-" + RUN);
  }
}
