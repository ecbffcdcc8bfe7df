package dev.cairn.testing;

import dev.cairn.internal.common.WorkflowExecutionHistory;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionStarted;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.replay.Decision;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.worker.WorkerRegistry;
import dev.cairn.worker.NonDeterministicException;
import dev.cairn.worker.WorkflowImplementationOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/**
 * Replays a recorded history against workflow code, as a check before deploying changed code:
 * throws {@link NonDeterministicException} when the code no longer issues the recorded commands.
 */
public final class WorkflowReplayer {
  private WorkflowReplayer() {}

  public static void replayWorkflowExecution(String jsonHistory, Class<?> workflowClass, Class<?>... moreWorkflowClasses) {
    replay(HistoryJson.fromJson(jsonHistory), workflowClass, moreWorkflowClasses);
  }

  public static void replayWorkflowExecution(File historyFile, Class<?> workflowClass, Class<?>... moreWorkflowClasses)
      throws IOException {
    replayWorkflowExecution(Files.readString(historyFile.toPath()), workflowClass, moreWorkflowClasses);
  }

  public static void replayWorkflowExecution(WorkflowExecutionHistory history, Class<?> workflowClass,
      Class<?>... moreWorkflowClasses) {
    replayWorkflowExecution(history.toJson(false), workflowClass, moreWorkflowClasses);
  }

  /** Replays and returns the decision the code would make next (for tools and tests). */
  static Decision replay(List<HistoryEvent> history, Class<?> workflowClass, Class<?>... more) {
    WorkerRegistry registry = new WorkerRegistry();
    registry.registerWorkflowType("replay", workflowClass, WorkflowImplementationOptions.getDefaultInstance(), null);
    for (Class<?> c : more) {
      registry.registerWorkflowType("replay", c, WorkflowImplementationOptions.getDefaultInstance(), null);
    }
    ReplayEngine engine = new ReplayEngine(registry.workflows(), GlobalDataConverter.get());
    if (history.isEmpty() || !(history.get(0).attributes() instanceof WorkflowExecutionStarted s)) {
      throw new IllegalArgumentException("a history starts with WorkflowExecutionStarted");
    }
    // The run's own id, as recorded: the first run's id is wrong for a continued run. Histories
    // written before originalExecutionRunId existed fall back to the first run's id.
    String runId = s.originalExecutionRunId() != null ? s.originalExecutionRunId()
        : s.firstExecutionRunId() != null ? s.firstExecutionRunId() : "replay-run";
    Instant end = history.get(history.size() - 1).timestamp();
    return engine.decide("default", "replay", runId, history, end);
  }
}
