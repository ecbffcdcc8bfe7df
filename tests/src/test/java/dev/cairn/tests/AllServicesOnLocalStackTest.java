package dev.cairn.tests;

import dev.cairn.tests.support.EmbeddedStack;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The functions on LocalStack's DynamoDB, SQS and S3: at {@code AWS_ENDPOINT_URL} when set, else in
 * the image localstack/docker-compose.yml pins, started through Testcontainers when a Docker daemon
 * is present; otherwise skipped with the reason printed.
 */
class AllServicesOnLocalStackTest {
  /** The image localstack/docker-compose.yml pins; newer images need an auth token. */
  static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");

  private static LocalStackContainer container;
  private static EmbeddedStack stack;
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() {
    URI endpoint;
    String configured = System.getenv("AWS_ENDPOINT_URL");
    if (configured != null && !configured.isBlank()) {
      endpoint = URI.create(configured);
    } else {
      boolean docker;
      try {
        docker = DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        docker = false;
      }
      if (!docker) {
        String reason = "AllServicesOnLocalStackTest skipped: no Docker daemon for Testcontainers and no AWS_ENDPOINT_URL";
        System.err.println(reason);
        Assumptions.abort(reason);
      }
      container = new LocalStackContainer(IMAGE);
      container.start();
      endpoint = container.getEndpoint();
    }
    URI chosen = endpoint;
    stack = EmbeddedStack.awsEndpoint(() -> chosen).start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
    if (container != null) {
      container.stop();
    }
  }

  @Test
  void orderWorkflow_shouldReturnTheShippedOrder_onLocalStack() {
    Scenarios.sequentialOrderCompletes(stack.api(), "order-seq-localstack-" + RUN);
  }

  @Test
  void tripBooking_shouldCompensate_onLocalStack() {
    Scenarios.sagaCompensates(stack.api(), "trip-saga-localstack-" + RUN);
  }
}
