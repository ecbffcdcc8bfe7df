package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowExecutionMetadata;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.TimeoutFailure;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Behaviour the tests of Temporal's samples rely on: cron runs under time skipping, a
 * schedule-to-start timeout with no worker, a delayed start, queries on closed runs, and
 * continue-as-new runs listed with their status.
 */
class SampleBehaviourExtensionTest {
  private static final Instant HALF_PAST_NOON = Instant.parse("2026-11-26T12:30:00Z");

  @WorkflowInterface
  public interface HourlyReport {
    /** Numbers its report after the previous run's, and says when it ran. */
    @WorkflowMethod
    String report();

    @QueryMethod
    String lastReport();
  }

  public static class HourlyReportImpl implements HourlyReport {
    private String report;

    @Override
    public String report() {
      String previous = Workflow.getLastCompletionResult(String.class);
      int number = previous == null ? 1 : Integer.parseInt(previous.substring(0, previous.indexOf('@'))) + 1;
      report = number + "@" + Instant.ofEpochMilli(Workflow.currentTimeMillis()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
      return report;
    }

    @Override
    public String lastReport() {
      return report;
    }
  }

  @ActivityInterface
  public interface Warehouse {
    String pick(int batch);
  }

  @WorkflowInterface
  public interface Picking {
    @WorkflowMethod
    String pickBatches(int batch, int lastBatch);
  }

  /** Picks one batch per run and continues as new for the next. */
  public static class PickingImpl implements Picking {
    @Override
    public String pickBatches(int batch, int lastBatch) {
      Warehouse warehouse = Workflow.newActivityStub(Warehouse.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
      String picked = warehouse.pick(batch);
      if (batch < lastBatch) {
        Workflow.continueAsNew(batch + 1, lastBatch);
      }
      return picked;
    }
  }

  @WorkflowInterface
  public interface RemotePicking {
    @WorkflowMethod
    String pickRemotely(int batch);
  }

  /** Sends the pick to a warehouse queue no worker polls. */
  public static class RemotePickingImpl implements RemotePicking {
    @Override
    public String pickRemotely(int batch) {
      Warehouse remote = Workflow.newActivityStub(Warehouse.class, ActivityOptions.newBuilder()
          .setTaskQueue("warehouse-offline")
          .setScheduleToStartTimeout(Duration.ofMinutes(5))
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .build());
      return remote.pick(batch);
    }
  }

  @WorkflowInterface
  public interface Opening {
    /** Returns the workflow time its code first ran at. */
    @WorkflowMethod
    long open();

    @QueryMethod
    long openedAt();
  }

  public static class OpeningImpl implements Opening {
    private long openedAt;

    @Override
    public long open() {
      openedAt = Workflow.currentTimeMillis();
      return openedAt;
    }

    @Override
    public long openedAt() {
      return openedAt;
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(HourlyReportImpl.class, PickingImpl.class, RemotePickingImpl.class,
          OpeningImpl.class)
      .setInitialTime(HALF_PAST_NOON)
      .setDoNotStart(true)
      .build();

  private static Warehouse startWithMockedWarehouse(TestWorkflowEnvironment testEnv, Worker worker) {
    Warehouse warehouse = mock(Warehouse.class, withSettings().withoutAnnotations());
    when(warehouse.pick(anyInt())).thenAnswer(call -> "batch " + call.getArgument(0) + " picked");
    worker.registerActivitiesImplementations(warehouse);
    testEnv.start();
    return warehouse;
  }

  private static List<WorkflowExecutionMetadata> runs(WorkflowClient client, String workflowId) {
    return client.listExecutions("WorkflowId = '" + workflowId + "'").toList();
  }

  @Test
  void cronSchedule_shouldRunOnceAnHourWithEachRunListedAndQueryable_whenTimeSkipsThreeHours(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) {
    startWithMockedWarehouse(testEnv, worker);
    WorkflowStub hourly = client.newUntypedWorkflowStub("HourlyReport",
        WorkflowOptions.newBuilder(options).setWorkflowId("hourly-report").setCronSchedule("0 * * * *").build());
    hourly.start();

    testEnv.sleep(Duration.ofHours(3)); // 12:30 to 15:30: runs at 13:00, 14:00, 15:00; the fourth waits for 16:00

    List<WorkflowExecutionMetadata> runs = runs(client, "hourly-report"); // newest first
    assertEquals(List.of(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
            WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
            WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
            WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED),
        runs.stream().map(WorkflowExecutionMetadata::getStatus).toList(), runs.toString());
    List<String> reports = runs.subList(1, 4).stream()
        .map(run -> client.newUntypedWorkflowStub("hourly-report", Optional.of(run.getExecution().getRunId()),
            Optional.empty()).query("lastReport", String.class))
        .toList();
    assertEquals(List.of("3@2026-11-26T15:00:00Z", "2@2026-11-26T14:00:00Z", "1@2026-11-26T13:00:00Z"), reports);
    hourly.terminate("end of the test");
  }

  @Test
  void scheduleToStartTimeout_shouldFailTheActivityWithThatTimeout_whenNoWorkerPollsItsQueue(
      TestWorkflowEnvironment testEnv, Worker worker, RemotePicking workflow) {
    Warehouse warehouse = startWithMockedWarehouse(testEnv, worker);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> workflow.pickRemotely(7));

    ActivityFailure activityFailure = assertInstanceOf(ActivityFailure.class, e.getCause());
    TimeoutFailure timeout = assertInstanceOf(TimeoutFailure.class, activityFailure.getCause());
    assertEquals(TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START, timeout.getTimeoutType());
    verifyNoInteractions(warehouse);
  }

  @Test
  void startDelay_shouldDelayTheFirstRunOfCodeAndShowTheBackoffInHistory_whenSet(TestWorkflowEnvironment testEnv,
      Worker worker, WorkflowClient client, WorkflowOptions options) throws Exception {
    startWithMockedWarehouse(testEnv, worker);
    Opening opening = client.newWorkflowStub(Opening.class, WorkflowOptions.newBuilder(options)
        .setWorkflowId("delayed-opening").setStartDelay(Duration.ofHours(2)).build());
    long startedAt = testEnv.currentTimeMillis();

    long openedAt = opening.open();

    assertTrue(openedAt >= startedAt + Duration.ofHours(2).toMillis(),
        "opened at " + Instant.ofEpochMilli(openedAt) + ", started at " + Instant.ofEpochMilli(startedAt));
    JsonNode history = new ObjectMapper().readTree(client.fetchHistory("delayed-opening").toJson(false));
    JsonNode first = (history.isArray() ? history : history.path("events")).get(0);
    assertEquals("WorkflowExecutionStarted", first.path("eventType").asText());
    assertEquals(Duration.ofHours(2), Duration.parse(first.path("attributes").path("firstWorkflowTaskBackoff").asText()));
    // The run is closed; its query still answers, by replay.
    assertEquals(openedAt, client.newWorkflowStub(Opening.class, "delayed-opening").openedAt());
  }

  @Test
  void continueAsNew_shouldListEveryEarlierRunAsContinuedAsNew_whenTheWorkflowContinuesTwice(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) {
    Warehouse warehouse = startWithMockedWarehouse(testEnv, worker);
    Picking picking = client.newWorkflowStub(Picking.class,
        WorkflowOptions.newBuilder(options).setWorkflowId("picking").build());

    assertEquals("batch 3 picked", picking.pickBatches(1, 3));

    // Runs started at the same instant of test time have no defined order in a list: compare as a bag.
    assertEquals(List.of(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
            WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW,
            WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW),
        runs(client, "picking").stream().map(WorkflowExecutionMetadata::getStatus).sorted().toList());
    assertEquals(2, client.listExecutions("WorkflowId = 'picking' AND ExecutionStatus = 'ContinuedAsNew'").count());
    verify(warehouse).pick(1);
    verify(warehouse).pick(2);
    verify(warehouse).pick(3);
  }
}
