package dev.cairn.tests;

import dev.cairn.internal.aws.dynamodb.MotoServer;
import dev.cairn.tests.support.EmbeddedStack;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The functions on a second implementation of every AWS service they call: DynamoDB, SQS (delays,
 * visibility, batches) and S3 all on moto_server, as `./cairn local --aws-endpoint` runs them on
 * LocalStack. Skipped without moto_server, failed under CI=true.
 */
@ExtendWith(MotoServer.class)
class AllServicesOnMotoServerTest {
  @RegisterExtension
  @Order(2)
  static final EmbeddedStack stack = EmbeddedStack.awsEndpoint(MotoServer::endpoint).build();

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void orderWorkflow_shouldReturnTheShippedOrder_whenQueuesAndStoreAreMotos() {
    Scenarios.sequentialOrderCompletes(stack.api(), "order-seq-moto-" + RUN);
  }

  @Test
  void tripBooking_shouldCompensate_whenQueuesAndStoreAreMotos() {
    Scenarios.sagaCompensates(stack.api(), "trip-saga-moto-" + RUN);
  }
}
