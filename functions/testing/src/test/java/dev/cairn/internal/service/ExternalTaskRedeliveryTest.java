package dev.cairn.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.ExternalWorkflowExecutionCancelRequested;
import dev.cairn.internal.history.EventAttributes.ExternalWorkflowExecutionSignaled;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionCancelRequested;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionSignaled;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import dev.cairn.internal.worker.WorkerRegistry;
import dev.cairn.testing.WarehouseOrders;
import dev.cairn.worker.WorkflowImplementationOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Invariant 3 for signals and cancel requests between workflows: a delivery that dies after the target
 * has the request, and any later redelivery, leave exactly one signal (or cancel request) in the
 * target and one outcome in the sender. Tasks are pumped by hand, as SQS would deliver them.
 */
class ExternalTaskRedeliveryTest {
  private static final DataConverter DC = GlobalDataConverter.get();

  /**
   * Dies once, on the {@code nth} commit that records an outcome of {@code kind} in the sender: after
   * the target's commit, before the sender's, as a process killed between the two would.
   */
  private static final class CrashingStore implements HistoryStore {
    private final HistoryStore delegate;
    private final Class<? extends EventAttributes> kind;
    private int untilCrash;

    CrashingStore(HistoryStore delegate, Class<? extends EventAttributes> kind, int nth) {
      this.delegate = delegate;
      this.kind = kind;
      this.untilCrash = nth;
    }

    @Override
    public void commit(Commit commit) {
      if (untilCrash > 0 && commit.events().stream().anyMatch(e -> kind.isInstance(e.attributes())) && --untilCrash == 0) {
        throw new IllegalStateException("injected crash before the sender's outcome commit");
      }
      delegate.commit(commit);
    }

    @Override
    public void create(Commit.NewRun run, String expectedCurrentRunId) {
      delegate.create(run, expectedCurrentRunId);
    }

    @Override
    public Optional<ExecutionRecord> get(ExecutionKey key) {
      return delegate.get(key);
    }

    @Override
    public Optional<ExecutionRecord> getCurrent(String workflowId) {
      return delegate.getCurrent(workflowId);
    }

    @Override
    public List<HistoryEvent> readHistory(ExecutionKey key, long fromEventId, int maxEvents) {
      return delegate.readHistory(key, fromEventId, maxEvents);
    }

    @Override
    public ExecutionPage list(ListQuery query) {
      return delegate.list(query);
    }

    @Override
    public List<UnsentTask> findUnsentTasks(Instant committedBefore, int limit) {
      return delegate.findUnsentTasks(committedBefore, limit);
    }

    @Override
    public void markSent(ExecutionKey key, Collection<String> taskIds) {
      delegate.markSent(key, taskIds);
    }
  }

  private final Deque<Task> queue = new ArrayDeque<>();
  private final List<Task> externalTasks = new ArrayList<>();
  private WorkflowService service;

  private void setUp(Class<? extends EventAttributes> crashOn, int nth) {
    WorkerRegistry registry = new WorkerRegistry();
    registry.registerWorkflowType("q", WarehouseOrders.WarehouseImpl.class, WorkflowImplementationOptions.getDefaultInstance(), null);
    registry.registerWorkflowType("q", WarehouseOrders.OrderImpl.class, WorkflowImplementationOptions.getDefaultInstance(), null);
    Clock clock = Clock.systemUTC();
    service = new WorkflowService("default", new CrashingStore(new InMemoryHistoryStore(clock), crashOn, nth),
        tasks -> tasks.stream().map(OutboxTask::task).forEach(queue::add), new ReplayEngine(registry.workflows(), DC),
        clock, () -> UUID.randomUUID().toString());
  }

  private void start(String workflowId, String type, Object... args) {
    service.start(new StartRequest(workflowId, type, "q", DC.toPayloads(args).orElse(null), null, null, null, null,
        null, null, null, null, null, null));
  }

  /** Delivers every queued task; a delivery that dies is delivered again later, as SQS does after a crash. */
  private void pump() {
    while (!queue.isEmpty()) {
      Task t = queue.poll();
      switch (t) {
        case Task.DecisionTask d -> service.handleDecisionTask(d.key());
        case Task.SignalExternalTask s -> deliverExternal(s);
        case Task.CancelExternalTask c -> deliverExternal(c);
        default -> { } // none of these workflows has timers, activities or timeouts
      }
    }
  }

  private void deliverExternal(Task t) {
    externalTasks.add(t);
    try {
      service.handleExternalTask(t);
    } catch (IllegalStateException crash) {
      queue.add(t); // not acknowledged: delivered again after the target's decision has run
    }
  }

  private List<EventAttributes> events(String workflowId) {
    return service.history(service.resolve(workflowId, null)).stream().map(HistoryEvent::attributes).toList();
  }

  private static long count(List<EventAttributes> events, Class<?> kind) {
    return events.stream().filter(kind::isInstance).count();
  }

  @Test
  void signalTask_shouldSignalOnceAndRecordOneOutcome_whenDeliveredAgainAfterACrashAndOnceMore() {
    // The crash hits the second signal (close): the warehouse has it, and completes before the redelivery.
    setUp(ExternalWorkflowExecutionSignaled.class, 2);
    start("warehouse", "Warehouse");
    start("order", "Order", "warehouse", "typed");
    pump();
    List<EventAttributes> warehouseBefore = events("warehouse");
    List<EventAttributes> orderBefore = events("order");

    externalTasks.forEach(service::handleExternalTask); // every task once more, long after
    pump();

    assertEquals(3, externalTasks.size(), "two signals, the second delivered twice");
    assertEquals(List.of("reserve", "close"), warehouseBefore.stream().filter(WorkflowExecutionSignaled.class::isInstance)
        .map(e -> ((WorkflowExecutionSignaled) e).signalName()).toList(), "each signal once");
    assertEquals(2, count(orderBefore, ExternalWorkflowExecutionSignaled.class), "each outcome once");
    assertEquals("COMPLETED", service.describe("warehouse", null).status().shortName());
    assertEquals("COMPLETED", service.describe("order", null).status().shortName());
    assertEquals(warehouseBefore, events("warehouse"));
    assertEquals(orderBefore, events("order"));
  }

  @Test
  void cancelTask_shouldRequestCancellationOnce_whenDeliveredAgainAfterACrashAndOnceMore() {
    setUp(ExternalWorkflowExecutionCancelRequested.class, 1);
    start("warehouse", "Warehouse");
    start("order", "Order", "warehouse", "cancel");
    pump();
    List<EventAttributes> warehouseBefore = events("warehouse");
    List<EventAttributes> orderBefore = events("order");

    externalTasks.forEach(service::handleExternalTask);
    pump();

    assertEquals(2, externalTasks.size(), "one request, delivered twice");
    assertEquals(1, count(warehouseBefore, WorkflowExecutionCancelRequested.class), "one cancel request");
    assertEquals(1, count(orderBefore, ExternalWorkflowExecutionCancelRequested.class), "one outcome");
    assertEquals("CANCELED", service.describe("warehouse", null).status().shortName());
    assertEquals("COMPLETED", service.describe("order", null).status().shortName());
    assertEquals(warehouseBefore, events("warehouse"));
    assertEquals(orderBefore, events("order"));
  }

  @Test
  void signalTask_shouldFailFast_whenTheInjectedCrashIsNotCaught() {
    // The harness itself: the crash is real, so the tests above see a redelivery, not a lucky first try.
    setUp(ExternalWorkflowExecutionSignaled.class, 1);
    start("warehouse", "Warehouse");
    start("order", "Order", "warehouse", "typed");
    while (!(queue.peek() instanceof Task.SignalExternalTask)) {
      Task t = queue.poll();
      if (t instanceof Task.DecisionTask d) {
        service.handleDecisionTask(d.key());
      }
    }
    Task signal = queue.poll();

    assertThrows(IllegalStateException.class, () -> service.handleExternalTask(signal));
    assertEquals(1, count(events("warehouse"), WorkflowExecutionSignaled.class), "the target has the signal");
    assertEquals(0, count(events("order"), ExternalWorkflowExecutionSignaled.class), "the sender has no outcome yet");
  }
}
