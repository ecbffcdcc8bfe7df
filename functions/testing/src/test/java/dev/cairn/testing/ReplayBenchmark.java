package dev.cairn.testing;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.common.converter.DefaultDataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.replay.RetryPolicies;
import dev.cairn.internal.sync.DeterministicRunner;
import dev.cairn.internal.sync.WorkflowThread;
import dev.cairn.internal.worker.WorkerRegistry;
import dev.cairn.worker.WorkflowImplementationOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints figures; run with {@code ./cairn bench}. Not part of {@code ./cairn test}. */
@Tag("benchmark")
class ReplayBenchmark {
  @WorkflowInterface
  public interface Loop {
    @WorkflowMethod
    void run();
  }

  public static class LoopImpl implements Loop {
    @Override
    public void run() {
      ReplayTest.Recorder r = Workflow.newActivityStub(ReplayTest.Recorder.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
      while (true) {
        r.record("v");
      }
    }
  }

  static List<HistoryEvent> history(int events) {
    var dc = DefaultDataConverter.STANDARD_INSTANCE;
    Payloads v = dc.toPayloads("v").orElseThrow();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    List<HistoryEvent> h = new ArrayList<>();
    h.add(new HistoryEvent(1, t, new WorkflowExecutionStarted("Loop", "q", null, null, null, 1, null, "run", null, null,
        null, null, null, null, null, null, null, null, null, "run")));
    int activity = 0;
    while (h.size() + 4 <= events) {
      long id = h.size();
      h.add(new HistoryEvent(++id, t, new WorkflowTaskCompleted(null, 0)));
      long scheduled = ++id;
      h.add(new HistoryEvent(scheduled, t, new ActivityTaskScheduled(String.valueOf(++activity), "Record", "q", v, null, null,
          Duration.ofSeconds(10), null, RetryPolicies.of(null))));
      h.add(new HistoryEvent(++id, t, new ActivityTaskStarted(scheduled, 1, "w", null)));
      h.add(new HistoryEvent(++id, t, new ActivityTaskCompleted(scheduled, id - 1, v, "w")));
    }
    return h;
  }

  @Test
  void replayTimePerDecision() {
    WorkerRegistry registry = new WorkerRegistry();
    registry.registerWorkflowType("q", LoopImpl.class, WorkflowImplementationOptions.getDefaultInstance(), null);
    ReplayEngine engine = new ReplayEngine(registry.workflows(), DefaultDataConverter.STANDARD_INSTANCE);
    for (int size : new int[] {100, 1_000, 10_000}) {
      List<HistoryEvent> h = history(size);
      int reps = size >= 10_000 ? 5 : 20;
      for (int i = 0; i < 3; i++) {
        engine.decide("default", "wf", "run", h, Instant.now());
      }
      long start = System.nanoTime();
      for (int i = 0; i < reps; i++) {
        engine.decide("default", "wf", "run", h, Instant.now());
      }
      double ms = (System.nanoTime() - start) / 1e6 / reps;
      System.out.printf("BENCH replay one decision over a history of %,d events: %.2f ms%n", h.size(), ms);
    }
  }

  @Test
  void memoryPerThousandCoroutines() throws Exception {
    Runtime rt = Runtime.getRuntime();
    DeterministicRunner runner = new DeterministicRunner(null, 10_000);
    for (int i = 0; i < 1000; i++) {
      runner.newThread("t" + i, runner.rootScope(), () -> WorkflowThread.require().yieldUntil("forever", () -> false));
    }
    runner.runUntilAllBlocked(); // warm-up pass creates the virtual threads
    runner.close();
    System.gc();
    Thread.sleep(200);
    long before = rt.totalMemory() - rt.freeMemory();
    DeterministicRunner measured = new DeterministicRunner(null, 10_000);
    for (int i = 0; i < 1000; i++) {
      measured.newThread("t" + i, measured.rootScope(), () -> WorkflowThread.require().yieldUntil("forever", () -> false));
    }
    long start = System.nanoTime();
    measured.runUntilAllBlocked();
    long took = System.nanoTime() - start;
    System.gc();
    Thread.sleep(200);
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf("BENCH 1,000 blocked workflow coroutines: %,d KB heap (%.1f KB each), first pass %.1f ms, live=%d%n",
        (after - before) / 1024, (after - before) / 1024.0 / 1000, took / 1e6, measured.liveThreads());
    measured.close();
  }
}
