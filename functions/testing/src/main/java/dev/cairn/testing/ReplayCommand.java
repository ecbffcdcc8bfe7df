package dev.cairn.testing;

import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.replay.ReplayCheck;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.worker.WorkerRegistry;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./cairn replay}: replays saved histories against the current workflow code before it is
 * deployed, the migration check to run in CI. One line per history, {@code OK},
 * {@code NON-DETERMINISTIC} (with the engine's message naming the event) or {@code FAILED}; the
 * exit code is 0 when every history replays, 1 when one does not, 2 for a usage or input error.
 *
 * <pre>
 * ./cairn replay --workers com.acme.MyWorkers [--classpath app.jar] FILE_OR_DIR...
 * ./cairn replay --workers com.acme.MyWorkers --from http://127.0.0.1:8233 [--limit 100] [--save DIR]
 * </pre>
 */
public final class ReplayCommand {
  public static final int OK = 0;
  public static final int NOT_REPLAYABLE = 1;
  public static final int USAGE = 2;

  static final String USAGE_TEXT = """
      usage: cairn replay --workers CLASS [--workers CLASS...] [--classpath PATH] FILE_OR_DIR...
             cairn replay --workers CLASS [--classpath PATH] --from URL [--limit N] [--save DIR]
        Replays saved workflow histories (JSON of GET /workflows/{id}/history, pages merged, or a bare
        array of events) against the workflows that CLASS's static register(Worker) method registers.
        --workers CLASS   a class with public static void register(dev.cairn.worker.Worker)
        --classpath PATH  jars or class directories holding the workflow code (':'-separated, repeatable)
        --from URL        replay the running workflows of a Cairn HTTP API instead of files
        --limit N         at most N running workflows, newest first (default 100)
        --save DIR        also write each fetched history to DIR/<workflowId>_<runId>.json
      exit: 0 every history replays, 1 one does not, 2 usage or input error""";

  private ReplayCommand() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs the command; returns its exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    ReplayArguments a;
    try {
      a = ReplayArguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("cairn replay: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    if (a.help()) {
      out.println(USAGE_TEXT);
      return OK;
    }
    ReplayCheck check;
    List<SavedHistory> histories;
    try {
      check = new ReplayCheck(new ReplayEngine(registry(a).workflows(), GlobalDataConverter.get()), "default");
      histories = histories(a);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      err.println("cairn replay: " + e.getMessage());
      return USAGE;
    }
    if (histories.isEmpty()) {
      out.println("no running workflows at " + a.from() + ": nothing to replay");
      return OK;
    }
    Map<ReplayCheck.Verdict, Integer> counts = new EnumMap<>(ReplayCheck.Verdict.class);
    for (SavedHistory h : histories) {
      ReplayCheck.Outcome o = replay(check, h);
      counts.merge(o.verdict(), 1, Integer::sum);
      String what = h.source() + " (" + (o.workflowType() == null ? "?" : o.workflowType()) + ", " + o.events() + " events)";
      out.println(String.format("%-17s %s", o.verdict().label(), what) + (o.ok() ? "" : ": " + o.message()));
    }
    int bad = histories.size() - counts.getOrDefault(ReplayCheck.Verdict.OK, 0);
    out.println(histories.size() + " histories replayed: " + counts.getOrDefault(ReplayCheck.Verdict.OK, 0) + " OK, "
        + counts.getOrDefault(ReplayCheck.Verdict.NON_DETERMINISTIC, 0) + " NON-DETERMINISTIC, "
        + counts.getOrDefault(ReplayCheck.Verdict.FAILED, 0) + " FAILED");
    return bad == 0 ? OK : NOT_REPLAYABLE;
  }

  private static ReplayCheck.Outcome replay(ReplayCheck check, SavedHistory h) {
    List<HistoryEvent> events;
    try {
      events = HistoryJson.fromJson(h.json());
    } catch (RuntimeException e) {
      return new ReplayCheck.Outcome(ReplayCheck.Verdict.FAILED, null, 0, "unreadable history: " + e.getMessage());
    }
    return check.replay(h.workflowId(), events);
  }

  private static List<SavedHistory> histories(ReplayArguments a) {
    if (a.from() == null) {
      return HistoryFiles.read(a.paths());
    }
    List<SavedHistory> running = new ApiHistories(a.from()).running(a.limit());
    if (a.saveTo() != null) {
      HistoryFiles.save(running, a.saveTo());
    }
    return running;
  }

  private static WorkerRegistry registry(ReplayArguments a) {
    WorkerRegistry registry = new WorkerRegistry();
    ClassLoader loader = a.classLoader(ReplayCommand.class.getClassLoader());
    a.workers().forEach(w -> WorkersClasses.register(w, loader, registry));
    return registry;
  }
}
