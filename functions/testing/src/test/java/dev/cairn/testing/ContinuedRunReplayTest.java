package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.EventAttributes.TimerFired;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionCompleted;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionStarted;
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
class ContinuedRunReplayTest {
  @WorkflowInterface
  public interface Chain {
    @WorkflowMethod
    String run(int continuations);
  }

  /** Draws randomness, continues as new {@code continuations} times, and returns the last run's draw. */
  public static class ChainImpl implements Chain {
    @Override
    public String run(int continuations) {
      String drawn = Workflow.randomUUID() + "/" + Workflow.newRandom().nextInt(1_000_000);
      if (continuations > 0) {
        Workflow.continueAsNew(continuations - 1);
      }
      Workflow.sleep(Duration.ofMinutes(1));
      return drawn;
    }
  }

  @Test
  void replayer_shouldDrawTheRecordedRandomness_whenReplayingAContinuedRun() {
    String result;
    String json;
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      env.newWorker("q").registerWorkflowImplementationTypes(ChainImpl.class);
      env.start();
      result = env.getWorkflowClient().newWorkflowStub(Chain.class,
          WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("chain").build()).run(1);
      json = env.getWorkflowClient().fetchHistory("chain").toJson(false); // the second, continued run
    }
    List<HistoryEvent> history = HistoryJson.fromJson(json);
    WorkflowExecutionStarted started = (WorkflowExecutionStarted) history.get(0).attributes();
    assertNotEquals(started.firstExecutionRunId(), started.originalExecutionRunId(), "a continued run");

    WorkflowReplayer.replayWorkflowExecution(json, ChainImpl.class);
    // Re-decide the run's last decision: the value drawn on replay must be the one the run returned.
    int fired = 0;
    while (!(history.get(fired).attributes() instanceof TimerFired)) {
      fired++;
    }
    Decision last = WorkflowReplayer.replay(history.subList(0, fired + 1), ChainImpl.class);
    WorkflowExecutionCompleted done = (WorkflowExecutionCompleted) last.commands().get(0);
    assertEquals(result, GlobalDataConverter.get().fromPayloads(0, Optional.of(done.result()), String.class, String.class));
  }
}
