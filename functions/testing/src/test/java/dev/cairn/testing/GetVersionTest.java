package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.MarkerRecorded;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.replay.Decision;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GetVersionTest {
  @ActivityInterface
  public interface Steps {
    String step(String name);
  }

  public static class StepsImpl implements Steps {
    @Override
    public String step(String name) {
      return name;
    }
  }

  @WorkflowInterface
  public interface Versioned {
    @WorkflowMethod
    String run();
  }

  static Steps steps() {
    return Workflow.newActivityStub(Steps.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
  }

  /** The code before the change: one step, a pause, another step. */
  public static class OldImpl implements Versioned {
    @Override
    public String run() {
      String first = steps().step("one");
      Workflow.sleep(Duration.ofMinutes(1));
      return first + "," + steps().step("two");
    }
  }

  /** The change: version 1 adds a step before the first; old runs keep the old path. */
  public static class NewImpl implements Versioned {
    @Override
    public String run() {
      int v = Workflow.getVersion("addStep", Workflow.DEFAULT_VERSION, 1);
      String first = v == 1 ? steps().step("zero") + "," + steps().step("one") : steps().step("one");
      Workflow.sleep(Duration.ofMinutes(1));
      return first + "," + steps().step("two") + " v=" + v;
    }
  }

  /** Support for the old path dropped: DEFAULT_VERSION is out of range. */
  public static class OnlyNewImpl implements Versioned {
    @Override
    public String run() {
      int v = Workflow.getVersion("addStep", 1, 1);
      return steps().step("zero") + " v=" + v;
    }
  }

  /** As {@link OnlyNewImpl}, but trying to swallow the failure as a user's catch-all would. */
  public static class SwallowingImpl implements Versioned {
    @Override
    public String run() {
      try {
        Workflow.getVersion("addStep", 1, 1);
      } catch (Exception e) {
        return "swallowed " + e;
      }
      return steps().step("zero");
    }
  }

  /** Runs {@code impl} to completion in a fresh environment and returns its history. */
  private static String historyOf(Class<?> impl, String workflowId, List<String> result) {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var worker = env.newWorker("q");
      worker.registerWorkflowImplementationTypes(impl);
      worker.registerActivitiesImplementations(new StepsImpl());
      env.start();
      Versioned flow = env.getWorkflowClient().newWorkflowStub(Versioned.class,
          WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId(workflowId).build());
      result.add(flow.run());
      return env.getWorkflowClient().fetchHistory(workflowId).toJson(true);
    }
  }

  @Test
  void getVersion_shouldRecordMaxVersion_whenWorkflowIsNew() {
    List<String> result = new java.util.ArrayList<>();
    String json = historyOf(NewImpl.class, "new", result);
    assertEquals("zero,one,two v=1", result.get(0));
    List<MarkerRecorded> markers = HistoryJson.fromJson(json).stream()
        .filter(e -> e.attributes() instanceof MarkerRecorded).map(e -> (MarkerRecorded) e.attributes()).toList();
    assertEquals(1, markers.size(), "one version marker, recorded once though the code replayed: " + markers);
    assertEquals("Version", markers.get(0).markerName());
    WorkflowReplayer.replayWorkflowExecution(json, NewImpl.class);
  }

  @Test
  void getVersion_shouldReturnDefaultVersion_whenReplayingHistoryOfOldCode() {
    String json = historyOf(OldImpl.class, "old", new java.util.ArrayList<>());
    // Had getVersion returned 1, the new code would schedule "zero" first and fail this replay.
    WorkflowReplayer.replayWorkflowExecution(json, NewImpl.class);

    // The decision after the timer, made by the new code on the old run, still takes the old path.
    List<HistoryEvent> full = HistoryJson.fromJson(json);
    int fired = indexOf(full, EventAttributes.TimerFired.class);
    Decision next = WorkflowReplayer.replay(full.subList(0, fired + 1), NewImpl.class);
    assertTrue(next.needed());
    assertEquals("Step", ((EventAttributes.ActivityTaskScheduled) next.commands().get(0)).activityType());
    int secondDone = lastIndexOf(full, EventAttributes.ActivityTaskCompleted.class);
    Decision last = WorkflowReplayer.replay(full.subList(0, secondDone + 1), NewImpl.class);
    EventAttributes.WorkflowExecutionCompleted done = (EventAttributes.WorkflowExecutionCompleted) last.commands().get(0);
    assertEquals("one,two v=-1", GlobalDataConverter.get().fromPayloads(0, Optional.of(done.result()), String.class, String.class));
  }

  @Test
  void getVersion_shouldFailDecisionNamingChangeAndRange_whenRecordedVersionUnsupported() {
    String json = historyOf(OldImpl.class, "unsupported", new java.util.ArrayList<>());
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> WorkflowReplayer.replayWorkflowExecution(json, OnlyNewImpl.class));
    assertTrue(e.getMessage().contains("Version -1 of changeId addStep is not supported. Supported version is between 1 and 1"),
        e.getMessage());
  }

  @Test
  void getVersion_shouldFailDecision_whenWorkflowCodeCatchesException() {
    String json = historyOf(OldImpl.class, "swallow", new java.util.ArrayList<>());
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> WorkflowReplayer.replayWorkflowExecution(json, SwallowingImpl.class));
    assertTrue(e.getMessage().contains("changeId addStep"), e.getMessage());
  }

  private static int indexOf(List<HistoryEvent> h, Class<?> kind) {
    for (int i = 0; i < h.size(); i++) {
      if (kind.isInstance(h.get(i).attributes())) {
        return i;
      }
    }
    throw new AssertionError("no " + kind.getSimpleName());
  }

  private static int lastIndexOf(List<HistoryEvent> h, Class<?> kind) {
    for (int i = h.size() - 1; i >= 0; i--) {
      if (kind.isInstance(h.get(i).attributes())) {
        return i;
      }
    }
    throw new AssertionError("no " + kind.getSimpleName());
  }
}
