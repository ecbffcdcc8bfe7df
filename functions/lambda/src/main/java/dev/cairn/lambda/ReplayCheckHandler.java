package dev.cairn.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's pre-traffic hook (template.yaml, DecisionFunction's DeploymentPreference): before
 * CodeDeploy moves the {@code live} alias to a new version, this function, deployed from the same
 * new jar, replays the newest running runs (at most CAIRN_REPLAY_CHECK_RUNS, default 100) against
 * the new code's workflow types, and reports {@code Succeeded}, or {@code Failed} when one no longer
 * replays, which rolls the deployment (and the stack update) back. Every run that fails is logged
 * with the engine's message naming the event.
 *
 * <p>Input: CodeDeploy's {@code {"DeploymentId": ..., "LifecycleEventHookExecutionId": ...}}. A
 * check that cannot run (the table unreachable) reports {@code Failed} too: an unchecked version
 * takes no traffic.
 */
public final class ReplayCheckHandler implements RequestHandler<Map<String, Object>, String> {
  private static final Logger log = LoggerFactory.getLogger(ReplayCheckHandler.class);
  static final int DEFAULT_RUNS = 100;

  private final CairnRuntime runtime;
  private final Supplier<LifecycleHookReporter> reporter;
  private final int runs;
  private LifecycleHookReporter builtReporter;

  /** Lambda's constructor: the runtime and CodeDeploy's endpoint come from the function's environment. */
  public ReplayCheckHandler() {
    this(CairnRuntime.fromEnvironment(), () -> CodeDeployLifecycleHookReporter.fromEnvironment(System.getenv()),
        runsSetting(System.getenv().get("CAIRN_REPLAY_CHECK_RUNS")));
  }

  /**
   * The local runtime's constructor. CodeDeploy is reached only when a hook actually runs: the local
   * runtime instantiates every function of the template, and no deployment ever invokes this one there.
   */
  public ReplayCheckHandler(CairnRuntime runtime) {
    this(runtime, () -> CodeDeployLifecycleHookReporter.fromEnvironment(System.getenv()), DEFAULT_RUNS);
  }

  public ReplayCheckHandler(CairnRuntime runtime, LifecycleHookReporter reporter, int runs) {
    this(runtime, () -> reporter, runs);
  }

  private ReplayCheckHandler(CairnRuntime runtime, Supplier<LifecycleHookReporter> reporter, int runs) {
    this.runtime = runtime;
    this.reporter = reporter;
    this.runs = runs;
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    String deploymentId = required(event, "DeploymentId");
    String hookExecutionId = required(event, "LifecycleEventHookExecutionId");
    LifecycleHookReporter.Status status;
    String summary;
    try {
      RunningRunsReplay.Report report = new RunningRunsReplay(runtime, runs).run();
      report.alreadyFailing().forEach(p -> log.warn("deployment {}: {} was already failing its decisions before this"
          + " deployment; not holding the deployment back for it: {}", deploymentId, p.key(), p));
      report.problems().forEach(p -> log.error("deployment {}: the new code cannot carry on {}", deploymentId, p));
      status = report.passed() ? LifecycleHookReporter.Status.Succeeded : LifecycleHookReporter.Status.Failed;
      summary = report.replayed() + " running workflow(s) replayed, " + report.problems().size()
          + " not replayable, " + report.alreadyFailing().size() + " already failing";
    } catch (RuntimeException e) {
      log.error("deployment {}: the replay check could not run; failing the hook so an unchecked version takes no traffic",
          deploymentId, e);
      status = LifecycleHookReporter.Status.Failed;
      summary = "replay check could not run: " + e;
    }
    log.info("deployment {}: {}; reporting {}", deploymentId, summary, status);
    reporter().report(deploymentId, hookExecutionId, status);
    return status + ": " + summary;
  }

  private synchronized LifecycleHookReporter reporter() {
    if (builtReporter == null) {
      builtReporter = reporter.get();
    }
    return builtReporter;
  }

  private static String required(Map<String, Object> event, String key) {
    Object v = event == null ? null : event.get(key);
    if (v == null || v.toString().isBlank()) {
      throw new IllegalArgumentException("not a CodeDeploy lifecycle hook event: no " + key + " in " + event);
    }
    return v.toString();
  }

  static int runsSetting(String value) {
    return value == null || value.isBlank() ? DEFAULT_RUNS : Integer.parseInt(value.trim());
  }
}
