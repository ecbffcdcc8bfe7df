package dev.cairn.lambda;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.replay.ReplayCheck;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays the newest running runs of the store against this code's registered workflow types, with
 * the same engine the decision handler runs: what the pre-traffic hook checks before a new version
 * takes traffic. Reads only; writes nothing.
 */
final class RunningRunsReplay {
  /** A run the code cannot carry on, and why. */
  record Problem(ExecutionKey key, String workflowType, ReplayCheck.Verdict verdict, String message) {
    @Override
    public String toString() {
      return verdict.label() + " " + key + " (" + workflowType + "): " + message;
    }
  }

  /**
   * @param replayed runs replayed
   * @param problems runs the new code cannot replay: the deployment must not go on
   * @param alreadyFailing runs whose decisions were already failing under the code now deployed and
   *     that the new code cannot replay either: reported, but no reason to hold back a deployment
   *     that may be their fix (it cannot make them worse)
   */
  record Report(int replayed, List<Problem> problems, List<Problem> alreadyFailing) {
    boolean passed() {
      return problems.isEmpty();
    }
  }

  private static final int PAGE = 100;

  private final CairnRuntime runtime;
  private final ReplayCheck check;
  private final int limit;

  RunningRunsReplay(CairnRuntime runtime, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the number of runs to replay must be at least 1, was " + limit);
    }
    this.runtime = runtime;
    this.check = new ReplayCheck(new ReplayEngine(runtime.workers().workflows(), runtime.dataConverter()),
        CairnRuntime.NAMESPACE);
    this.limit = limit;
  }

  Report run() {
    List<Problem> problems = new ArrayList<>();
    List<Problem> alreadyFailing = new ArrayList<>();
    List<ExecutionRecord> runs = newestRunning();
    for (ExecutionRecord run : runs) {
      ReplayCheck.Outcome o = check.replay(run.key().workflowId(), runtime.service().history(run.key()));
      if (o.ok()) {
        continue;
      }
      Problem p = new Problem(run.key(), run.workflowType(), o.verdict(), o.message());
      (run.state().decisionFailures() > 0 ? alreadyFailing : problems).add(p);
    }
    return new Report(runs.size(), List.copyOf(problems), List.copyOf(alreadyFailing));
  }

  private List<ExecutionRecord> newestRunning() {
    List<ExecutionRecord> out = new ArrayList<>();
    String token = null;
    do {
      HistoryStore.ExecutionPage page = runtime.store().list(new HistoryStore.ListQuery(
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, null, null, Math.min(PAGE, limit - out.size()), token));
      for (ExecutionRecord r : page.executions()) {
        if (out.size() < limit) {
          out.add(r);
        }
      }
      token = page.nextPageToken();
    } while (token != null && out.size() < limit);
    return out;
  }
}
