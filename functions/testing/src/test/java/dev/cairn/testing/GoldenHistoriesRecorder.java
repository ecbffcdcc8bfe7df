package dev.cairn.testing;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the golden histories under src/test/resources/replay/ were recorded: release 1 of the
 * Shipment workflow run in the test environment, its history fetched as a user would save it.
 * The golden-*.json histories are those of {@link GoldenWorkflows}, covering every event type.
 * Run only on request, from functions/testing:
 * {@code ../../mvnw test -Dtest=GoldenHistoriesRecorder -Dcairn.record.golden=true}; to record only the
 * golden-*.json files, {@code -Dtest='GoldenHistoriesRecorder#record_shouldWriteHistoriesOfTheGoldenWorkflows_whenAsked'}.
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

  @Test
  void record_shouldWriteHistoriesOfTheGoldenWorkflows_whenAsked() throws Exception {
    Files.createDirectories(DIR);
    GoldenWorkflows.authorizing = new CountDownLatch(1);
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      GoldenWorkflows.register(env.newWorker(GoldenWorkflows.QUEUE));
      env.start();
      WorkflowClient client = env.getWorkflowClient();

      GoldenWorkflows.Checkout checkout = client.newWorkflowStub(GoldenWorkflows.Checkout.class, options("checkout"));
      WorkflowClient.start(checkout::checkout, "order-7");
      if (!GoldenWorkflows.authorizing.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the authorize activity did not start within 10 s");
      }
      checkout.proceed();
      HistoryWait.until(client, "checkout", EventAttributes.TimerStarted.class);
      checkout.approve("ann");
      WorkflowStub.fromTyped(checkout).getResult(String.class);
      write(client, "checkout", null, "golden-checkout.json");

      GoldenWorkflows.Fulfilment fulfilment = client.newWorkflowStub(GoldenWorkflows.Fulfilment.class, options("fulfilment"));
      WorkflowClient.start(fulfilment::fulfil, "order-8");
      untilStarted(client, "parcel-terminated");
      client.newUntypedWorkflowStub("parcel-terminated").terminate("courier lost it");
      try {
        WorkflowStub.fromTyped(fulfilment).getResult(String.class);
        throw new AssertionError("the fulfilment workflow was to fail");
      } catch (WorkflowFailedException expected) {
        // its failure is the last event of its history
      }
      write(client, "fulfilment", null, "golden-fulfilment.json");
      write(client, "parcel-canceled", null, "golden-parcel-canceled.json");
      write(client, "parcel-terminated", null, "golden-parcel-terminated.json");
      write(client, "parcel-timed-out", null, "golden-parcel-timed-out.json");

      GoldenWorkflows.Renewal renewal = client.newWorkflowStub(GoldenWorkflows.Renewal.class, options("renewal"));
      String firstRun = WorkflowClient.start(renewal::renew, 0).getRunId();
      WorkflowStub.fromTyped(renewal).getResult(Integer.class);
      write(client, "renewal", firstRun, "golden-renewal.json");
    }
  }

  private static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().setTaskQueue(GoldenWorkflows.QUEUE).setWorkflowId(workflowId).build();
  }

  private static void write(WorkflowClient client, String workflowId, String runId, String file) throws Exception {
    var history = runId == null ? client.fetchHistory(workflowId) : client.fetchHistory(workflowId, runId);
    Files.writeString(DIR.resolve(file), history.toJson(true));
  }

  private static void untilStarted(WorkflowClient client, String workflowId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        HistoryWait.until(client, workflowId, EventAttributes.WorkflowExecutionStarted.class);
        return;
      } catch (RuntimeException notYetStarted) {
        if (System.nanoTime() > deadline) {
          throw notYetStarted;
        }
        Thread.onSpinWait();
      }
    }
  }
}
