package dev.cairn.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.service.StartRequest;
import dev.cairn.internal.service.WorkflowService.DecisionFailedException;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pre-traffic hook on the in-memory store: release 1 of a workflow leaves runs waiting on a
 * timer, then the hook runs with the code of a candidate release 2, as CodeDeploy would invoke it
 * from the new version, and reports to a recording reporter instead of CodeDeploy.
 */
class ReplayCheckHandlerTest {
  static final Map<String, Object> HOOK_EVENT = Map.of("DeploymentId", "d-ABC123", "LifecycleEventHookExecutionId", "hook-1");

  final Harness.ManualClock clock = new Harness.ManualClock(Harness.T0);
  final Harness.UnavailableStore store = new Harness.UnavailableStore(new InMemoryHistoryStore(clock));
  final List<OutboxTask> sent = Collections.synchronizedList(new ArrayList<>());
  final List<String> reported = Collections.synchronizedList(new ArrayList<>());
  final LifecycleHookReporter recording = (d, h, s) -> reported.add(d + " " + h + " " + s);

  CairnRuntime release(Class<? extends ShipmentReleases.Shipment> code) {
    return CairnRuntime.newBuilder().setStore(store).setDispatcher(sent::addAll).setClock(clock)
        .registerWorkers(ShipmentReleases.workers(code)).build();
  }

  /** Starts a run on release 1 and drives it, as the functions would, until it waits for its one-day timer. */
  ExecutionKey runReleaseOneUntilTimer(String workflowId) {
    CairnRuntime v1 = release(ShipmentReleases.Release1.class);
    var e = v1.service().start(new StartRequest(workflowId, "Shipment", ShipmentReleases.TASK_QUEUE,
        GlobalDataConverter.get().toPayloads("order-" + workflowId).orElseThrow(), null, null, null, null, null, null, null,
        null, null, null));
    ExecutionKey key = new ExecutionKey(e.getWorkflowId(), e.getRunId());
    v1.service().handleDecisionTask(key);
    OutboxTask activity = sent.stream().filter(t -> t.task() instanceof Task.ActivityTask).findFirst().orElseThrow();
    sent.clear();
    Harness.noFailures(new ActivityHandler(v1).handleRequest(SqsEvents.batch(SqsEvents.delivery(activity, "m-" + workflowId,
        clock.instant())), null));
    v1.service().handleDecisionTask(key);
    sent.clear();
    List<HistoryEvent> history = v1.service().history(key);
    assertTrue(history.get(history.size() - 1).attributes() instanceof EventAttributes.TimerStarted, history.toString());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, store.get(key).orElseThrow().status());
    return key;
  }

  @Test
  void handleRequest_shouldReportSucceeded_whenNewCodeGuardsChangeWithGetVersion() {
    runReleaseOneUntilTimer("s-1");
    runReleaseOneUntilTimer("s-2");
    String result = new ReplayCheckHandler(release(ShipmentReleases.Release2Versioned.class), recording, 100)
        .handleRequest(HOOK_EVENT, null);
    assertEquals(List.of("d-ABC123 hook-1 Succeeded"), reported);
    assertTrue(result.startsWith("Succeeded: 2 running workflow(s) replayed, 0 not replayable"), result);
  }

  @Test
  void handleRequest_shouldReportFailed_whenNewCodeChangesWithoutGetVersion() {
    runReleaseOneUntilTimer("s-1");
    String result = new ReplayCheckHandler(release(ShipmentReleases.Release2Unversioned.class), recording, 100)
        .handleRequest(HOOK_EVENT, null);
    assertEquals(List.of("d-ABC123 hook-1 Failed"), reported);
    assertTrue(result.startsWith("Failed: 1 running workflow(s) replayed, 1 not replayable"), result);
  }

  @Test
  void run_shouldNameRunAndEvent_whenRunCannotReplay() {
    ExecutionKey key = runReleaseOneUntilTimer("s-1");
    RunningRunsReplay.Report report = new RunningRunsReplay(release(ShipmentReleases.Release2Unversioned.class), 100).run();
    assertEquals(1, report.problems().size());
    RunningRunsReplay.Problem p = report.problems().get(0);
    assertEquals(key, p.key());
    assertTrue(p.toString().startsWith("NON-DETERMINISTIC s-1/" + key.runId() + " (Shipment): "), p.toString());
    assertTrue(p.message().contains("Event 7 of type TimerStarted"), p.message());
    assertTrue(p.message().contains("ActivityTaskScheduled {activityType=Invoice"), p.message());
  }

  @Test
  void run_shouldReplayOnlyNewestRuns_whenMoreAreRunningThanTheLimit() {
    runReleaseOneUntilTimer("s-1");
    clock.advance(java.time.Duration.ofSeconds(1));
    runReleaseOneUntilTimer("s-2");
    clock.advance(java.time.Duration.ofSeconds(1));
    runReleaseOneUntilTimer("s-3");
    RunningRunsReplay.Report report = new RunningRunsReplay(release(ShipmentReleases.Release2Unversioned.class), 2).run();
    assertEquals(2, report.replayed());
    assertEquals(List.of("s-3", "s-2"), report.problems().stream().map(p -> p.key().workflowId()).toList());
  }

  @Test
  void handleRequest_shouldReportSucceeded_whenOnlyRunsAlreadyFailingCannotReplay() {
    ExecutionKey key = runReleaseOneUntilTimer("s-1");
    // A bad release already went out by hand and broke the run: its decision fails under that code.
    CairnRuntime broken = release(ShipmentReleases.Release2Unversioned.class);
    assertThrows(DecisionFailedException.class, () -> broken.service().handleDecisionTask(key));
    assertTrue(store.get(key).orElseThrow().state().decisionFailures() > 0);

    String result = new ReplayCheckHandler(broken, recording, 100).handleRequest(HOOK_EVENT, null);
    assertEquals(List.of("d-ABC123 hook-1 Succeeded"), reported);
    assertTrue(result.contains("0 not replayable, 1 already failing"), result);
  }

  @Test
  void handleRequest_shouldReportFailed_whenHistoriesCannotBeRead() {
    runReleaseOneUntilTimer("s-1");
    store.unavailableFor("s-1");
    String result = new ReplayCheckHandler(release(ShipmentReleases.Release2Versioned.class), recording, 100)
        .handleRequest(HOOK_EVENT, null);
    assertEquals(List.of("d-ABC123 hook-1 Failed"), reported);
    assertTrue(result.contains("replay check could not run"), result);
  }

  @Test
  void handleRequest_shouldReportSucceeded_whenNothingIsRunning() {
    String result = new ReplayCheckHandler(release(ShipmentReleases.Release2Unversioned.class), recording, 100)
        .handleRequest(HOOK_EVENT, null);
    assertEquals(List.of("d-ABC123 hook-1 Succeeded"), reported);
    assertTrue(result.startsWith("Succeeded: 0 running workflow(s) replayed"), result);
  }

  @Test
  void handleRequest_shouldRefuseWithoutReporting_whenEventIsNotALifecycleHook() {
    var handler = new ReplayCheckHandler(release(ShipmentReleases.Release1.class), recording, 100);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> handler.handleRequest(Map.of("DeploymentId", "d-1"), null));
    assertTrue(e.getMessage().contains("LifecycleEventHookExecutionId"), e.getMessage());
    assertEquals(List.of(), reported);
  }

  /** The local runtime builds every template function with this constructor: it must not reach for AWS. */
  @Test
  void constructor_shouldNotContactCodeDeploy_whenBuiltByTheLocalRuntime() {
    new ReplayCheckHandler(release(ShipmentReleases.Release1.class));
  }
}
