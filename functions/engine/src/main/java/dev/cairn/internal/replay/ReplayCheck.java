package dev.cairn.internal.replay;

import dev.cairn.internal.history.EventAttributes.WorkflowExecutionStarted;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.worker.NonDeterministicException;
import java.util.List;
import java.util.Objects;

/**
 * Replays a recorded history against the workflow code of a {@link ReplayEngine} and says whether
 * that code could carry the run on: what {@code ./cairn replay} and the deploy's pre-traffic hook
 * check. Pure, as the engine is: the decision's time is the history's last event, so the same
 * history and code always give the same verdict.
 */
public final class ReplayCheck {
  private final ReplayEngine engine;
  private final String namespace;

  public ReplayCheck(ReplayEngine engine, String namespace) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  /** How a replay ended. */
  public enum Verdict {
    /** The code issues the recorded commands, and can decide what comes next. */
    OK,
    /** The code no longer issues the recorded commands: deploying it would block the run. */
    NON_DETERMINISTIC,
    /**
     * The code could not replay for another reason: its workflow type is no longer registered, a
     * {@code getVersion} range no longer covers the recorded version, the code threw, or the history is malformed.
     */
    FAILED;

    /** As printed: {@code OK}, {@code NON-DETERMINISTIC}, {@code FAILED}. */
    public String label() {
      return name().replace('_', '-');
    }
  }

  /** The verdict for one history, with the engine's message when it is not OK. */
  public record Outcome(Verdict verdict, String workflowType, int events, String message) {
    public boolean ok() {
      return verdict == Verdict.OK;
    }
  }

  /**
   * Replays {@code history} as the run {@code workflowId} (what {@code Workflow.getInfo()} reports;
   * any name when unknown). Never throws for what the code or the history does: that is the verdict.
   */
  public Outcome replay(String workflowId, List<HistoryEvent> history) {
    if (history.isEmpty() || !(history.get(0).attributes() instanceof WorkflowExecutionStarted started)) {
      return new Outcome(Verdict.FAILED, null, history.size(),
          "not a whole history: its first event must be WorkflowExecutionStarted");
    }
    // The run's own id seeds randomUUID/newRandom: a continued run's first-run id would draw other values.
    String runId = started.originalExecutionRunId() != null ? started.originalExecutionRunId()
        : started.firstExecutionRunId() != null ? started.firstExecutionRunId() : "replay-run";
    try {
      engine.decide(namespace, workflowId, runId, history, history.get(history.size() - 1).timestamp());
      return new Outcome(Verdict.OK, started.workflowType(), history.size(), null);
    } catch (NonDeterministicException e) {
      return new Outcome(Verdict.NON_DETERMINISTIC, started.workflowType(), history.size(), e.getMessage());
    } catch (RuntimeException e) {
      return new Outcome(Verdict.FAILED, started.workflowType(), history.size(), e.getMessage());
    }
  }
}
