package dev.cairn.internal.aws.dynamodb;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.ExecutionState;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Runs, events and tasks for the DynamoDB store's own tests. */
final class StoreFixtures {
  static final WorkflowExecutionStatus RUNNING = WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  static final WorkflowExecutionStatus COMPLETED = WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;

  private final Clock clock;

  StoreFixtures(Clock clock) {
    this.clock = clock;
  }

  Commit.NewRun newRun(String workflowId) {
    String runId = UUID.randomUUID().toString();
    ExecutionKey key = new ExecutionKey(workflowId, runId);
    HistoryEvent started = new HistoryEvent(1, clock.instant(), new EventAttributes.WorkflowExecutionStarted("OrderWorkflow",
        "orders", payload("input"), null, null, 1, null, runId, null, null, null, null, null, null, null, Map.of(), null,
        null, null, null));
    ExecutionRecord record = new ExecutionRecord(key, "OrderWorkflow", "orders", RUNNING, clock.instant(), null, 1, 1,
        Map.of(), ExecutionState.initial());
    return new Commit.NewRun(record, List.of(started), List.of(decisionTask(key)));
  }

  OutboxTask decisionTask(ExecutionKey key) {
    return new OutboxTask(UUID.randomUUID().toString(), new Task.DecisionTask(key), clock.instant());
  }

  List<OutboxTask> decisionTasks(ExecutionKey key, int count) {
    List<OutboxTask> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(decisionTask(key));
    }
    return out;
  }

  /** Signal events of about {@code payloadChars} characters each. */
  List<HistoryEvent> signals(long fromId, int count, int payloadChars) {
    List<HistoryEvent> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new HistoryEvent(fromId + i, clock.instant(), new EventAttributes.WorkflowExecutionSignaled("s" + (fromId + i),
          payload("x".repeat(payloadChars)), null)));
    }
    return out;
  }

  static ExecutionState closedState() {
    return new ExecutionState(false, Map.of(), Map.of(), null, 0);
  }

  static Payloads payload(Object value) {
    return GlobalDataConverter.get().toPayloads(value).orElseThrow();
  }
}
