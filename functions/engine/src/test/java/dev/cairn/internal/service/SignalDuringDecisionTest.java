package dev.cairn.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.definition.WorkflowDefinition;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionCompleted;
import dev.cairn.internal.history.EventAttributes.WorkflowTaskCompleted;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.replay.WorkflowRegistry;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Invariant 4: a signal committed while a decision runs is never lost. The store lets the signal
 * commit right before the decision's own commit, deterministically; the decision's version-guarded
 * commit then conflicts, and the retried decision sees the signal.
 */
class SignalDuringDecisionTest {
  @WorkflowInterface
  public interface Inbox {
    @WorkflowMethod
    List<String> collect(int expected);

    @SignalMethod
    void put(String item);
  }

  public static class InboxImpl implements Inbox {
    private final List<String> items = new ArrayList<>();

    @Override
    public List<String> collect(int expected) {
      Workflow.await(() -> items.size() >= expected);
      return items;
    }

    @Override
    public void put(String item) {
      items.add(item);
    }
  }

  private final DataConverter dc = GlobalDataConverter.get();
  private final Clock clock = Clock.systemUTC();
  private final List<Task> sent = new ArrayList<>();

  /** Commits a signal through the service just before the first decision commit it sees. */
  private final class SignalBeforeDecisionCommit implements HistoryStore {
    final HistoryStore inner = new InMemoryHistoryStore(clock);
    WorkflowService service;
    String signalItem;
    int decisionCommits;

    @Override
    public void commit(Commit commit) {
      boolean isDecision = commit.events().stream().anyMatch(e -> e.attributes() instanceof WorkflowTaskCompleted);
      if (isDecision && decisionCommits++ == 0 && signalItem != null) {
        service.signal(commit.record().key().workflowId(), null, "put", dc.toPayloads(signalItem).orElseThrow());
      }
      inner.commit(commit);
    }

    @Override public void create(Commit.NewRun run, String expectedCurrentRunId) { inner.create(run, expectedCurrentRunId); }
    @Override public Optional<ExecutionRecord> get(ExecutionKey key) { return inner.get(key); }
    @Override public Optional<ExecutionRecord> getCurrent(String workflowId) { return inner.getCurrent(workflowId); }
    @Override public List<HistoryEvent> readHistory(ExecutionKey key, long from, int max) { return inner.readHistory(key, from, max); }
    @Override public ExecutionPage list(ListQuery query) { return inner.list(query); }
    @Override public List<UnsentTask> findUnsentTasks(Instant before, int limit) { return inner.findUnsentTasks(before, limit); }
    @Override public void markSent(ExecutionKey key, Collection<String> taskIds) { inner.markSent(key, taskIds); }
  }

  private WorkflowService service(SignalBeforeDecisionCommit store) {
    WorkflowRegistry registry = new WorkflowRegistry();
    registry.register(WorkflowDefinition.of(InboxImpl.class), null);
    WorkflowService service = new WorkflowService("default", store, tasks -> tasks.stream().map(OutboxTask::task).forEach(sent::add),
        new ReplayEngine(registry, dc), clock, () -> UUID.randomUUID().toString());
    store.service = service;
    return service;
  }

  private static StartRequest start(String workflowId, Payloads input) {
    return new StartRequest(workflowId, "Inbox", "inbox", input, null, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void handleDecisionTask_shouldDeliverSignal_whenSignalCommitsWhileDecisionRuns() {
    SignalBeforeDecisionCommit store = new SignalBeforeDecisionCommit();
    WorkflowService service = service(store);
    store.signalItem = "arrived-mid-decision";
    ExecutionKey key = service.resolve(service.start(start("inbox-1", dc.toPayloads(1).orElseThrow())).getWorkflowId(), null);

    service.handleDecisionTask(key); // the signal commits between this decision's read and its commit

    ExecutionRecord rec = store.get(key).orElseThrow();
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, rec.status(),
        "the retried decision saw the signal and completed the run");
    List<HistoryEvent> history = service.history(key);
    WorkflowExecutionCompleted done = (WorkflowExecutionCompleted) history.get(history.size() - 1).attributes();
    assertEquals(List.of("arrived-mid-decision"), dc.fromPayloads(0, Optional.of(done.result()), List.class, List.class));
    assertTrue(store.decisionCommits >= 2, "the first decision commit conflicted and was retried");
  }

  @Test
  void signal_shouldQueueNoSecondDecision_whenDecisionIsPendingAndRetriesOnConflict() {
    SignalBeforeDecisionCommit store = new SignalBeforeDecisionCommit();
    WorkflowService service = service(store);
    store.signalItem = "first";
    ExecutionKey key = service.resolve(service.start(start("inbox-2", dc.toPayloads(2).orElseThrow())).getWorkflowId(), null);
    service.handleDecisionTask(key);
    long decisionTasks = sent.stream().filter(t -> t instanceof Task.DecisionTask).count();

    service.signal("inbox-2", null, "put", dc.toPayloads("second").orElseThrow());
    service.handleDecisionTask(key);

    assertEquals(1, decisionTasks, "the mid-decision signal found a decision pending and queued none");
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, store.get(key).orElseThrow().status());
  }
}
