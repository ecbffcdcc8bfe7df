package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.TimeoutFailure;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionStarted;
import dev.cairn.internal.history.EventAttributes.WorkflowTaskCompleted;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import java.util.List;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Start options as a Temporal user sets them in WorkflowOptions, under the time-skipping test environment. */
@Timeout(60)
class StartOptionsTest {
  private static final String QUEUE = "start-options";
  private static final Instant NOON = Instant.parse("2026-11-26T12:30:00Z");

  @WorkflowInterface
  public interface Napper {
    /** Sleeps, then says when it woke (workflow time) and what its memo "owner" says. */
    @WorkflowMethod
    String nap(int minutes);
  }

  public static class NapperImpl implements Napper {
    @Override
    public String nap(int minutes) {
      Workflow.sleep(Duration.ofMinutes(minutes));
      return minute(Workflow.currentTimeMillis()) + " " + Workflow.getMemo("owner", String.class);
    }
  }

  @WorkflowInterface
  public interface Relay {
    /** Naps ten minutes per run and continues as new, forever. */
    @WorkflowMethod
    void relay(int leg);
  }

  public static class RelayImpl implements Relay {
    @Override
    public void relay(int leg) {
      Workflow.sleep(Duration.ofMinutes(10));
      Workflow.continueAsNew(leg + 1);
    }
  }

  @WorkflowInterface
  public interface Hourly {
    /** Counts its runs through the last completion result, and says when this one ran. */
    @WorkflowMethod
    String tick();
  }

  public static class HourlyImpl implements Hourly {
    @Override
    public String tick() {
      String last = Workflow.getLastCompletionResult(String.class);
      int count = last == null ? 1 : Integer.parseInt(last.substring(0, last.indexOf('@'))) + 1;
      return count + "@" + minute(Workflow.currentTimeMillis());
    }
  }

  /** The test clock also moves with real time, a few milliseconds per step: compare minutes. */
  static Instant minute(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
  }

  static Instant minute(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
  }

  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setInitialTimeMillis(NOON.toEpochMilli()).build());
    env.newWorker(QUEUE).registerWorkflowImplementationTypes(NapperImpl.class, RelayImpl.class, HourlyImpl.class);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private WorkflowOptions.Builder options(String id) {
    return WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id);
  }

  @Test
  void start_shouldThrowAlreadyStarted_whenReusePolicyIsRejectDuplicateAndARunClosed() {
    WorkflowOptions reject = options("nap-once").setWorkflowIdReusePolicy(
        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE).build();
    client.newWorkflowStub(Napper.class, reject).nap(1);

    Napper again = client.newWorkflowStub(Napper.class, reject);
    assertThrows(WorkflowExecutionAlreadyStarted.class, () -> WorkflowClient.start(again::nap, 1));
  }

  @Test
  void start_shouldStartAgainOnlyAfterAFailure_whenReusePolicyIsAllowDuplicateFailedOnly() {
    WorkflowOptions failedOnly = options("nap-failed-only").setWorkflowIdReusePolicy(
        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY).build();
    client.newWorkflowStub(Napper.class, failedOnly).nap(1);
    Napper afterSuccess = client.newWorkflowStub(Napper.class, failedOnly);
    assertThrows(WorkflowExecutionAlreadyStarted.class, () -> WorkflowClient.start(afterSuccess::nap, 1));

    WorkflowOptions timingOut = options("nap-timed-out").setWorkflowRunTimeout(Duration.ofMinutes(1)).build();
    assertThrows(WorkflowFailedException.class, () -> client.newWorkflowStub(Napper.class, timingOut).nap(5));
    Napper afterTimeout = client.newWorkflowStub(Napper.class, options("nap-timed-out").setWorkflowIdReusePolicy(
        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY).build());
    WorkflowClient.start(afterTimeout::nap, 1);
  }

  @Test
  void start_shouldTerminateTheOpenRun_whenReusePolicyIsTerminateIfRunning() {
    WorkflowExecution first = WorkflowClient.start(client.newWorkflowStub(Napper.class, options("nap-replaced").build())::nap, 60);
    Napper second = client.newWorkflowStub(Napper.class, options("nap-replaced").setWorkflowIdReusePolicy(
        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING).build());
    WorkflowExecution replaced = WorkflowClient.start(second::nap, 1);

    assertNotEquals(first.getRunId(), replaced.getRunId());
    WorkflowStub old = client.newUntypedWorkflowStub("nap-replaced", java.util.Optional.of(first.getRunId()),
        java.util.Optional.empty());
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> old.getResult(String.class));
    assertTrue(e.getCause() instanceof dev.cairn.failure.TerminatedFailure, e.toString());
  }

  @Test
  void getResult_shouldThrowTimeoutFailure_whenTheRunOutlastsItsRunTimeout() {
    Napper napper = client.newWorkflowStub(Napper.class, options("nap-too-long")
        .setWorkflowRunTimeout(Duration.ofMinutes(30)).build());

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> napper.nap(45));

    assertInstanceOf(TimeoutFailure.class, e.getCause());
    assertEquals("WorkflowExecutionTimedOut", lastEvent(history("nap-too-long", null)).eventType());
  }

  @Test
  void getResult_shouldTimeOutInALaterRun_whenTheExecutionTimeoutSpansContinueAsNew() {
    Relay relay = client.newWorkflowStub(Relay.class, options("relay")
        .setWorkflowExecutionTimeout(Duration.ofMinutes(25)).build());

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> relay.relay(1));

    assertInstanceOf(TimeoutFailure.class, e.getCause());
    List<HistoryEvent> last = history("relay", null);
    WorkflowExecutionStarted started = (WorkflowExecutionStarted) last.get(0).attributes();
    assertNotEquals(started.firstExecutionRunId(), started.originalExecutionRunId(), "a later run timed out");
    assertEquals(NOON.plus(Duration.ofMinutes(25)), minute(started.workflowExecutionExpirationTime()));
    assertEquals(NOON.plus(Duration.ofMinutes(25)), minute(lastEvent(last).timestamp()));
  }

  @Test
  void start_shouldDelayTheFirstDecisionAndShowIt_whenStartDelayIsSet() {
    Napper napper = client.newWorkflowStub(Napper.class, options("nap-later")
        .setStartDelay(Duration.ofHours(2)).setMemo(Map.of("owner", "ann")).build());

    String woke = napper.nap(1);

    assertEquals(NOON.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(1)) + " ann", woke);
    List<HistoryEvent> history = history("nap-later", null);
    WorkflowExecutionStarted started = (WorkflowExecutionStarted) history.get(0).attributes();
    assertEquals(Duration.ofHours(2), started.firstWorkflowTaskBackoff());
    HistoryEvent firstDecision = history.stream().filter(e -> e.attributes() instanceof WorkflowTaskCompleted)
        .findFirst().orElseThrow();
    assertEquals(NOON.plus(Duration.ofHours(2)), minute(firstDecision.timestamp()));
  }

  @Test
  void cronSchedule_shouldRunOnceAnHourAsNewRunsWithTheLastResult_whenTheScheduleIsHourly() {
    WorkflowStub hourly = client.newUntypedWorkflowStub("Hourly", options("hourly").setCronSchedule("0 * * * *").build());
    WorkflowExecution first = hourly.start();

    env.sleep(Duration.ofMinutes(3 * 60)); // 12:30 to 15:30: runs at 13:00, 14:00 and 15:00

    List<HistoryEvent> current = history("hourly", null);
    WorkflowExecutionStarted started = (WorkflowExecutionStarted) current.get(0).attributes();
    assertEquals("CronSchedule", started.initiator());
    assertEquals(first.getRunId(), started.firstExecutionRunId());
    assertEquals("3@2026-11-26T15:00:00Z", dev.cairn.common.converter.GlobalDataConverter.get()
        .fromPayloads(0, java.util.Optional.ofNullable(started.lastCompletionResult()), String.class, String.class));
    assertEquals(Instant.parse("2026-11-26T16:00:00Z"), current.get(0).timestamp().plus(started.firstWorkflowTaskBackoff()),
        "the fourth run waits for 16:00");
    List<HistoryEvent> firstRun = history("hourly", first.getRunId());
    assertEquals("WorkflowExecutionCompleted", lastEvent(firstRun).eventType());
    assertEquals(Instant.parse("2026-11-26T13:00:00Z"), minute(lastEvent(firstRun).timestamp()));
  }

  /** A run's events as the engine records them (fetchHistory's documented JSON, read back). */
  private List<HistoryEvent> history(String workflowId, String runId) {
    var fetched = runId == null ? client.fetchHistory(workflowId) : client.fetchHistory(workflowId, runId);
    return HistoryJson.fromJson(fetched.toJson(false));
  }

  private static HistoryEvent lastEvent(List<HistoryEvent> h) {
    return h.get(h.size() - 1);
  }
}
