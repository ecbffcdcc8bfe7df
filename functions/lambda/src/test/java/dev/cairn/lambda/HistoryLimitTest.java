package dev.cairn.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.service.HistoryLimits;
import dev.cairn.internal.service.StartRequest;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.samples.SampleWorkers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariant 8: a history past its limit warns, then the run ends with a clear reason. */
class HistoryLimitTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private final CairnRuntime runtime = CairnRuntime.newBuilder()
      .setStore(new InMemoryHistoryStore(clock))
      .setDispatcher(tasks -> { })
      .setClock(clock)
      .setHistoryLimits(new HistoryLimits(4, 8))
      .registerWorkersClass(SampleWorkers.class.getName())
      .build();

  @Test
  void decision_shouldWarnThenTerminateWithReason_whenHistoryPassesItsLimits() {
    var started = runtime.service().start(new StartRequest("limited", "GreetingWorkflow", SampleWorkers.TASK_QUEUE,
        GlobalDataConverter.get().toPayloads("World").orElseThrow(), null, null, null, null, null, null, null, null, null, null));
    ExecutionKey key = new ExecutionKey(started.getWorkflowId(), started.getRunId());
    runtime.service().handleDecisionTask(key); // events 2-3: WorkflowTaskCompleted, ActivityTaskScheduled
    runtime.service().signal("limited", null, "poke", null); // 4
    runtime.service().handleDecisionTask(key); // 5: WorkflowTaskCompleted, past the warning
    List<HistoryEvent> history = runtime.service().history(key);
    EventAttributes.WorkflowTaskCompleted warned = (EventAttributes.WorkflowTaskCompleted) history.get(4).attributes();
    assertEquals(5, warned.historyLengthWarning(), "the decision past the warning threshold says so");

    for (int i = 0; i < 5 && runtime.store().get(key).orElseThrow().isOpen(); i++) {
      runtime.service().signal("limited", null, "poke", null);
      runtime.service().handleDecisionTask(key); // at 8 events the limit ends the run
    }

    var rec = runtime.store().get(key).orElseThrow();
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, rec.status());
    HistoryEvent last = runtime.service().history(key).get((int) rec.lastEventId() - 1);
    String reason = ((EventAttributes.WorkflowExecutionTerminated) last.attributes()).reason();
    assertTrue(reason.contains("at the limit of 8") && reason.contains("continueAsNew"), reason);
  }
}
