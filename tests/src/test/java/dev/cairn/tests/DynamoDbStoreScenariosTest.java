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

  /** 600 KB is over DynamoDB's 400 KB item limit: the events holding it go to S3 by reference. */
  @Test
  void orderWorkflow_shouldGetItsWholeInputAndResult_whenEventsAreOverTheItemLimit() {
    String id = "order-large-dynamodb-" + RUN;
    String orderId = "order-" + "x".repeat(600 * 1024);
    stack.api().start("OrderWorkflow", id, orderId);

    com.fasterxml.jackson.databind.JsonNode described = stack.api().awaitCompleted(id, Scenarios.COMPLETES_WITHIN);

    org.junit.jupiter.api.Assertions.assertEquals(orderId + ":validated:charged:shipped", described.get("result").asText());
    org.junit.jupiter.api.Assertions.assertFalse(stack.runtime().environment().s3().listObjectsV2(b -> b
        .bucket(dev.cairn.local.LocalRuntime.PAYLOAD_BUCKET).prefix("history/")).contents().isEmpty(),
        "the large events are S3 objects");
  }

  @Test
  void tripBooking_shouldCompensate_whenHistoriesLiveInDynamoDb() {
    Scenarios.sagaCompensates(stack.api(), "trip-saga-dynamodb-" + RUN);
  }
}
