package dev.cairn.testing;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.internal.history.EventAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the golden histories under src/test/resources/replay/ were recorded: release 1 of the
 * Shipment workflow run in the test environment, its history fetched as a user would save it.
 * Run only on request, from functions/testing:
 * {@code ../../mvnw test -Dtest=GoldenHistoriesRecorder -Dcairn.record.golden=true}.
 */
@EnabledIfSystemProperty(named = "cairn.record.golden", matches = "true")
class GoldenHistoriesRecorder {
  static final Path DIR = Path.of("src/test/resources/replay");

  @Test
  void record_shouldWriteHistoriesOfReleaseOne_whenAsked() throws Exception {
    Files.createDirectories(DIR);
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var worker = env.newWorker("shipping");
      ShipmentWorkflows.V1Workers.register(worker);
      env.start();
      WorkflowClient client = env.getWorkflowClient();

      // A run that finished under release 1.
      client.newWorkflowStub(ShipmentWorkflows.Shipment.class,
          WorkflowOptions.newBuilder().setTaskQueue("shipping").setWorkflowId("shipment-done").build()).ship("order-1");
      Files.writeString(DIR.resolve("shipment-done.json"), client.fetchHistory("shipment-done").toJson(true));

      // A run still waiting for its truck when release 2 is deployed: the case that matters.
      WorkflowClient.start(client.newWorkflowStub(ShipmentWorkflows.Shipment.class,
          WorkflowOptions.newBuilder().setTaskQueue("shipping").setWorkflowId("shipment-waiting").build())::ship, "order-2");
      HistoryWait.until(client, "shipment-waiting", EventAttributes.TimerStarted.class);
      Files.writeString(DIR.resolve("shipment-waiting.json"), client.fetchHistory("shipment-waiting").toJson(true));
    }
  }
}
