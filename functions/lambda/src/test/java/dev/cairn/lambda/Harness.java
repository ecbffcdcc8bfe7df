package dev.cairn.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.service.StartRequest;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.PendingActivity;
import dev.cairn.internal.store.Task;
import dev.cairn.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A runtime on the in-memory store with a clock the test moves, a dispatcher that records what it
 * is handed, and a record of visibility changes: what the handlers do, seen without a queue.
 */
final class Harness {
  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  final ManualClock clock = new ManualClock(T0);
  final List<OutboxTask> sent = Collections.synchronizedList(new ArrayList<>());
  final List<Duration> holds = Collections.synchronizedList(new ArrayList<>());
  final PaymentWorkflows.ScriptedCharges charges = new PaymentWorkflows.ScriptedCharges();
  final AtomicInteger messageIds = new AtomicInteger();
  final UnavailableStore store = new UnavailableStore(new InMemoryHistoryStore(clock));
  final CairnRuntime runtime = CairnRuntime.newBuilder()
      .setStore(store)
      .setDispatcher(sent::addAll)
      .setClock(clock)
      .setMessageVisibility((arn, handle, timeout) -> holds.add(timeout))
      .registerWorkers(r -> {
        Worker w = new Worker(PaymentWorkflows.TASK_QUEUE, null, r);
        w.registerWorkflowImplementationTypes(PaymentWorkflows.PaymentImpl.class, PaymentWorkflows.SlowRetryPaymentImpl.class,
            PaymentWorkflows.QueuedPaymentImpl.class, PaymentWorkflows.BuggyPaymentImpl.class,
            PaymentWorkflows.LocalPaymentImpl.class, ExternalSignalWorkflows.RecipientImpl.class,
            ExternalSignalWorkflows.SenderImpl.class);
        w.registerActivitiesImplementations(charges);
      })
      .build();
  final DecisionHandler decisions = new DecisionHandler(runtime);
  final ActivityHandler activities = new ActivityHandler(runtime);
  final TimerHandler timers = new TimerHandler(runtime);

  ExecutionKey start(String workflowType, String workflowId) {
    var e = runtime.service().start(new StartRequest(workflowId, workflowType, PaymentWorkflows.TASK_QUEUE,
        GlobalDataConverter.get().toPayloads("order-42").orElseThrow(), null, null, null, null, null, null, null, null,
        null, null));
    return new ExecutionKey(e.getWorkflowId(), e.getRunId());
  }

  /** Tasks handed to the dispatcher since the last call, of one kind. */
  <T extends Task> List<OutboxTask> take(Class<T> kind) {
    synchronized (sent) {
      List<OutboxTask> of = sent.stream().filter(t -> kind.isInstance(t.task())).toList();
      sent.removeAll(of);
      return of;
    }
  }

  OutboxTask takeOne(Class<? extends Task> kind) {
    List<OutboxTask> of = take(kind);
    if (of.size() != 1) {
      throw new AssertionError("expected one " + kind.getSimpleName() + ", got " + of);
    }
    return of.get(0);
  }

  SQSMessage delivery(OutboxTask task) {
    return SqsEvents.delivery(task, "m" + messageIds.incrementAndGet(), clock.instant());
  }

  SQSMessage redelivery(OutboxTask task, int receiveCount, Instant firstReceived) {
    return SqsEvents.delivery(task, "m" + messageIds.incrementAndGet(), receiveCount, firstReceived);
  }

  SQSBatchResponse decide(SQSMessage... messages) {
    return decisions.handleRequest(SqsEvents.batch(messages), null);
  }

  SQSBatchResponse runActivities(SQSMessage... messages) {
    return activities.handleRequest(SqsEvents.batch(messages), null);
  }

  /** Starts a run and runs its first decision; returns the activity task it scheduled. */
  OutboxTask startAndSchedule(String workflowType, String workflowId) {
    start(workflowType, workflowId);
    noFailures(decide(delivery(takeOne(Task.DecisionTask.class))));
    return takeOne(Task.ActivityTask.class);
  }

  ExecutionRecord record(ExecutionKey key) {
    return store.get(key).orElseThrow();
  }

  PendingActivity pending(ExecutionKey key) {
    return record(key).state().activities().values().iterator().next();
  }

  List<String> eventTypes(ExecutionKey key) {
    return runtime.service().history(key).stream().map(HistoryEvent::attributes).map(a -> a.getClass().getSimpleName())
        .toList();
  }

  static void noFailures(SQSBatchResponse r) {
    if (!r.getBatchItemFailures().isEmpty()) {
      throw new AssertionError("unexpected batch item failures " + failedIds(r));
    }
  }

  static List<String> failedIds(SQSBatchResponse r) {
    return r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  /** A clock the test moves. */
  static final class ManualClock extends Clock {
    private volatile Instant now;

    ManualClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    void set(Instant t) {
      now = t;
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  /** The in-memory store, made to fail for chosen workflow ids as a store that is unavailable does. */
  static final class UnavailableStore implements HistoryStore {
    private final HistoryStore delegate;
    private final java.util.Set<String> down = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicInteger commits = new AtomicInteger();

    UnavailableStore(HistoryStore delegate) {
      this.delegate = delegate;
    }

    void unavailableFor(String workflowId) {
      down.add(workflowId);
    }

    private void check(ExecutionKey key) {
      if (key != null && down.contains(key.workflowId())) {
        throw new IllegalStateException("store unavailable (test)");
      }
    }

    @Override public void create(dev.cairn.internal.store.Commit.NewRun run, String expected) { delegate.create(run, expected); }
    @Override public java.util.Optional<ExecutionRecord> get(ExecutionKey key) { check(key); return delegate.get(key); }
    @Override public java.util.Optional<ExecutionRecord> getCurrent(String id) { return delegate.getCurrent(id); }
    @Override public List<HistoryEvent> readHistory(ExecutionKey key, long from, int max) { check(key); return delegate.readHistory(key, from, max); }
    @Override public void commit(dev.cairn.internal.store.Commit c) {
      check(c.record().key());
      delegate.commit(c);
      commits.incrementAndGet();
    }
    @Override public ExecutionPage list(ListQuery q) { return delegate.list(q); }
    @Override public List<UnsentTask> findUnsentTasks(Instant before, int limit) { return delegate.findUnsentTasks(before, limit); }
    @Override public void markSent(ExecutionKey key, java.util.Collection<String> ids) { delegate.markSent(key, ids); }
  }

}
