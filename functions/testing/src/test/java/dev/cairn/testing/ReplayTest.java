package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.replay.Decision;
import dev.cairn.worker.NonDeterministicException;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayTest {
  @ActivityInterface
  public interface Recorder {
    String record(String value);
  }

  public static class RecorderImpl implements Recorder {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public String record(String value) {
      seen.add(value);
      return value;
    }
  }

  @WorkflowInterface
  public interface Flow {
    @WorkflowMethod
    String run(String input);
  }

  static ActivityOptions options() {
    return ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build();
  }

  /** Activity, then timer, then activity; randomness and a side effect flow into the result. */
  public static class FlowImpl implements Flow {
    @Override
    public String run(String input) {
      Recorder r = Workflow.newActivityStub(Recorder.class, options());
      String id = Workflow.randomUUID().toString();
      int dice = Workflow.sideEffect(Integer.class, () -> (int) (Math.random() * 1_000_000));
      r.record(id + ":" + dice);
      Workflow.sleep(Duration.ofMinutes(5));
      return r.record(input) + "|" + id + ":" + dice;
    }
  }

  /** The same type with the timer moved before the first activity: not replay-compatible. */
  public static class ReorderedFlowImpl implements Flow {
    @Override
    public String run(String input) {
      Recorder r = Workflow.newActivityStub(Recorder.class, options());
      String id = Workflow.randomUUID().toString();
      int dice = Workflow.sideEffect(Integer.class, () -> (int) (Math.random() * 1_000_000));
      Workflow.sleep(Duration.ofMinutes(5));
      r.record(id + ":" + dice);
      return r.record(input);
    }
  }

  /** A workflow blocking inside finally: the cleanup still runs its activity and timer. */
  @WorkflowInterface
  public interface Cleanup {
    @WorkflowMethod
    String run();
  }

  public static class CleanupImpl implements Cleanup {
    @Override
    public String run() {
      Recorder r = Workflow.newActivityStub(Recorder.class, options());
      String result = "none";
      try {
        r.record("work");
        throw new IllegalStateException("boom");
      } catch (IllegalStateException e) {
        result = "caught " + e.getMessage();
      } finally {
        Workflow.sleep(Duration.ofSeconds(30));
        result = result + ", cleaned " + r.record("cleanup");
      }
      return result;
    }
  }

  TestWorkflowEnvironment env;
  RecorderImpl recorder;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    recorder = new RecorderImpl();
    var worker = env.newWorker("q");
    worker.registerWorkflowImplementationTypes(FlowImpl.class, CleanupImpl.class);
    worker.registerActivitiesImplementations(recorder);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private String runFlow(String workflowId) {
    Flow flow = env.getWorkflowClient().newWorkflowStub(Flow.class,
        WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId(workflowId).build());
    return flow.run("x");
  }

  @Test
  void sideEffectAndRandomUUID_shouldReturnRecordedValues_whenReplayedInLaterDecisions() {
    String result = runFlow("det");
    // The first activity saw the values drawn in decision 1; the result was computed in decision 3,
    // after two replays. They agree only if replay returned the same values.
    assertEquals(recorder.seen.get(0), result.substring(result.indexOf('|') + 1));
  }

  @Test
  void replay_shouldIssueNoCommand_whenHistoryIsComplete() {
    runFlow("done");
    String json = env.getWorkflowClient().fetchHistory("done").toJson(true);
    Decision decision = WorkflowReplayer.replay(HistoryJson.fromJson(json), FlowImpl.class);
    assertFalse(decision.needed());
    assertTrue(decision.commands().isEmpty());
    WorkflowReplayer.replayWorkflowExecution(json, FlowImpl.class);
  }

  @Test
  void replay_shouldGiveIdenticalCommands_whenSameHistoryReplayedTwice() {
    env.getWorkflowClient().newWorkflowStub(Cleanup.class,
        WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("twice").build()).run();
    List<HistoryEvent> full = HistoryJson.fromJson(env.getWorkflowClient().fetchHistory("twice").toJson(false));
    int decisions = 0;
    for (int cut = 1; cut < full.size(); cut++) {
      // Only prefixes a store can hold: a decision's events are committed together.
      if (full.get(cut).attributes() instanceof EventAttributes.CommandEvent
          || full.get(cut - 1).attributes() instanceof EventAttributes.WorkflowTaskCompleted) {
        continue;
      }
      List<HistoryEvent> prefix = full.subList(0, cut);
      Decision first = WorkflowReplayer.replay(prefix, CleanupImpl.class);
      Decision second = WorkflowReplayer.replay(prefix, CleanupImpl.class);
      decisions += first.needed() ? 1 : 0;
      assertEquals(first, second, "prefix of " + cut + " events");
    }
    assertTrue(decisions >= 3, "prefixes ending in new events must need decisions, saw " + decisions);
  }

  @Test
  void replayer_shouldFailNamingTheEvent_whenCodeChangedIncompatibly() {
    runFlow("changed");
    String json = env.getWorkflowClient().fetchHistory("changed").toJson(false);
    NonDeterministicException e = assertThrows(NonDeterministicException.class,
        () -> WorkflowReplayer.replayWorkflowExecution(json, ReorderedFlowImpl.class));
    assertTrue(e.getMessage().contains("error=dev.cairn.worker.NonDeterministicException"), e.getMessage());
    assertTrue(e.getMessage().contains("ActivityTaskScheduled"), e.getMessage());
    assertTrue(e.getMessage().contains("TimerStarted"), e.getMessage());
  }

  @Test
  void workflow_shouldRunBlockingCallsInFinally_whenExceptionUnwinds() {
    Cleanup c = env.getWorkflowClient().newWorkflowStub(Cleanup.class,
        WorkflowOptions.newBuilder().setTaskQueue("q").build());
    assertEquals("caught boom, cleaned cleanup", c.run());
    assertEquals(List.of("work", "cleanup"), recorder.seen);
  }
}
