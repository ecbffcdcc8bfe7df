package dev.cairn.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HistoryStore} must do, run against each implementation (in memory, SQLite,
 * DynamoDB). A store passes by extending this class and returning a fresh, empty store.
 */
public abstract class HistoryStoreContract {
  private static final WorkflowExecutionStatus RUNNING = WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  private static final WorkflowExecutionStatus COMPLETED = WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;

  /** A clock tests can move; stores must read time only from the clock they are given. */
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  protected HistoryStore store;
  private final AtomicInteger ids = new AtomicInteger();

  /** A new, empty store (a fresh table, file or namespace per call). */
  protected abstract HistoryStore newStore(Clock clock) throws Exception;

  /** Releases what {@link #newStore} opened. */
  protected void closeStore(HistoryStore store) throws Exception {}

  @BeforeEach
  void openStore() throws Exception {
    store = newStore(clock);
  }

  @AfterEach
  void releaseStore() throws Exception {
    closeStore(store);
  }

  // ------------------------------------------------------------------ create and read

  @Test
  void create_shouldMakeRunCurrentWithItsHistory_whenIdIsNew() {
    Commit.NewRun run = newRun("wf-1", "OrderWorkflow");
    store.create(run, null);

    assertEquals(run.record(), store.get(run.record().key()).orElseThrow());
    assertEquals(run.record(), store.getCurrent("wf-1").orElseThrow());
    assertEquals(run.events(), store.readHistory(run.record().key(), 1, 100));
  }

  @Test
  void get_shouldBeEmpty_whenRunUnknown() {
    assertTrue(store.get(new ExecutionKey("nope", "nope")).isEmpty());
    assertTrue(store.getCurrent("nope").isEmpty());
    assertEquals(List.of(), store.readHistory(new ExecutionKey("nope", "nope"), 1, 100));
  }

  @Test
  void create_shouldRefuseAndKeepFirstRun_whenIdAlreadyHasARun() {
    Commit.NewRun first = newRun("wf-1", "OrderWorkflow");
    store.create(first, null);

    assertThrows(ConcurrentUpdateException.class, () -> store.create(newRun("wf-1", "OrderWorkflow"), null));
    assertThrows(ConcurrentUpdateException.class, () -> store.create(newRun("wf-1", "OrderWorkflow"), "not-the-current-run"));
    assertEquals(first.record(), store.getCurrent("wf-1").orElseThrow());
  }

  @Test
  void create_shouldReplaceCurrentRun_whenExpectedCurrentRunMatches() {
    Commit.NewRun first = newRun("wf-1", "OrderWorkflow");
    store.create(first, null);
    Commit.NewRun second = newRun("wf-1", "OrderWorkflow");
    store.create(second, first.record().key().runId());

    assertEquals(second.record().key(), store.getCurrent("wf-1").orElseThrow().key());
    assertTrue(store.get(first.record().key()).isPresent(), "the earlier run stays readable");
  }

  // ------------------------------------------------------------------ commit

  @Test
  void commit_shouldAppendEventsAndReplaceRecord_whenVersionMatches() {
    Commit.NewRun run = newRun("wf-1", "OrderWorkflow");
    store.create(run, null);
    ExecutionRecord before = run.record();
    List<HistoryEvent> events = events(2, 3);
    ExecutionRecord after = before.next(RUNNING, null, 4, before.state());

    store.commit(new Commit(before.version(), after, events, List.of(), null));

    assertEquals(after, store.get(before.key()).orElseThrow());
    assertEquals(4, store.readHistory(before.key(), 1, 100).size());
    assertEquals(events, store.readHistory(before.key(), 2, 100));
  }

  @Test
  void commit_shouldRefuseAndWriteNothing_whenVersionIsStale() {
    Commit.NewRun run = newRun("wf-1", "OrderWorkflow");
    store.create(run, null);
    ExecutionRecord v1 = run.record();
    store.commit(new Commit(v1.version(), v1.next(RUNNING, null, 2, v1.state()), events(2, 1), List.of(), null));
    clearOutbox();

    OutboxTask task = decisionTask(v1.key());
    assertThrows(ConcurrentUpdateException.class, () -> store.commit(new Commit(v1.version(),
        v1.next(COMPLETED, clock.instant(), 3, v1.state()), events(2, 2), List.of(task), null)));

    ExecutionRecord now = store.get(v1.key()).orElseThrow();
    assertEquals(v1.version() + 1, now.version());
    assertEquals(RUNNING, now.status());
    assertEquals(2, store.readHistory(v1.key(), 1, 100).size());
    assertEquals(List.of(), store.findUnsentTasks(clock.instant().plusSeconds(60), 100), "no task of a refused commit");
  }

  @Test
  void commit_shouldRefuse_whenEventIdsLeaveAGap() {
    Commit.NewRun run = newRun("wf-1", "OrderWorkflow");
    store.create(run, null);
    ExecutionRecord v1 = run.record();

    assertThrows(IllegalArgumentException.class, () -> store.commit(new Commit(v1.version(),
        v1.next(RUNNING, null, 5, v1.state()), events(4, 2), List.of(), null)));
    assertEquals(1, store.readHistory(v1.key(), 1, 100).size());
  }

  @Test
  void commit_shouldLetExactlyOneWriterWinEachVersion_whenWritersRace() throws Exception {
    Commit.NewRun run = newRun("wf-race", "OrderWorkflow");
    store.create(run, null);
    ExecutionKey key = run.record().key();
    int threads = 8;
    int triesEach = 15;
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        pool.execute(() -> {
          try {
            go.await();
            for (int i = 0; i < triesEach; i++) {
              ExecutionRecord r = store.get(key).orElseThrow();
              try {
                store.commit(new Commit(r.version(), r.next(RUNNING, null, r.lastEventId() + 1, r.state()),
                    events(r.lastEventId() + 1, 1), List.of(), null));
                wins.incrementAndGet();
              } catch (ConcurrentUpdateException e) {
                conflicts.incrementAndGet();
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      go.countDown();
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "writers finished");
    }
    ExecutionRecord last = store.get(key).orElseThrow();
    assertEquals(threads * triesEach, wins.get() + conflicts.get());
    assertTrue(wins.get() > 0);
    assertEquals(1 + wins.get(), last.version(), "each win moved the version by one");
    List<HistoryEvent> history = store.readHistory(key, 1, 10_000);
    assertEquals(1 + wins.get(), history.size(), "each win appended exactly its event");
    for (int i = 0; i < history.size(); i++) {
      assertEquals(i + 1, history.get(i).eventId(), "no gap, no duplicate");
    }
  }

  @Test
  void commit_shouldStartContinuedRunInTheSameChange_whenNextGiven() {
    Commit.NewRun first = newRun("wf-1", "CronWorkflow");
    store.create(first, null);
    ExecutionRecord v1 = first.record();
    Commit.NewRun next = newRun("wf-1", "CronWorkflow");

    store.commit(new Commit(v1.version(), v1.next(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW,
        clock.instant(), 2, v1.state()), events(2, 1), List.of(), next));

    assertEquals(next.record(), store.getCurrent("wf-1").orElseThrow());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW, store.get(v1.key()).orElseThrow().status());
    assertEquals(next.events(), store.readHistory(next.record().key(), 1, 100));
  }

  @Test
  void commit_shouldRefuseContinuation_whenRunIsNoLongerCurrent() {
    Commit.NewRun first = newRun("wf-1", "CronWorkflow");
    store.create(first, null);
    Commit.NewRun second = newRun("wf-1", "CronWorkflow");
    store.create(second, first.record().key().runId());
    ExecutionRecord v1 = first.record();

    assertThrows(ConcurrentUpdateException.class, () -> store.commit(new Commit(v1.version(),
        v1.next(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW, clock.instant(), 2, v1.state()),
        events(2, 1), List.of(), newRun("wf-1", "CronWorkflow"))));
    assertEquals(second.record().key(), store.getCurrent("wf-1").orElseThrow().key());
    assertEquals(1, store.readHistory(v1.key(), 1, 100).size(), "the refused commit wrote nothing");
  }

  // ------------------------------------------------------------------ history paging and size

  @Test
  void readHistory_shouldPageInOrder_whenHistoryIsLong() {
    Commit.NewRun run = newRun("wf-long", "OrderWorkflow");
    store.create(run, null);
    ExecutionRecord r = run.record();
    for (int batch = 0; batch < 5; batch++) {
      long from = r.lastEventId() + 1;
      ExecutionRecord next = r.next(RUNNING, null, from + 99, r.state());
      store.commit(new Commit(r.version(), next, events(from, 100), List.of(), null));
      r = next;
    }
    List<HistoryEvent> all = new ArrayList<>();
    long from = 1;
    while (true) {
      List<HistoryEvent> page = store.readHistory(r.key(), from, 64);
      assertTrue(page.size() <= 64);
      all.addAll(page);
      if (page.size() < 64) {
        break;
      }
      from = page.get(page.size() - 1).eventId() + 1;
    }
    assertEquals(501, all.size());
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i + 1, all.get(i).eventId());
    }
    assertEquals(List.of(all.get(499), all.get(500)), store.readHistory(r.key(), 500, 10));
  }

  @Test
  void commit_shouldKeepLargeEventWhole_orRefuseItClearly() {
    Commit.NewRun run = newRun("wf-big", "OrderWorkflow");
    store.create(run, null);
    ExecutionRecord v1 = run.record();
    HistoryEvent big = new HistoryEvent(2, clock.instant(), new EventAttributes.WorkflowExecutionSignaled("blob",
        payload("x".repeat(600_000)), null));
    try {
      store.commit(new Commit(v1.version(), v1.next(RUNNING, null, 2, v1.state()), List.of(big), List.of(), null));
      assertEquals(big, store.readHistory(v1.key(), 2, 1).get(0), "kept whole");
    } catch (PayloadTooLargeException e) {
      assertTrue(e.getMessage().contains("limit"), e.getMessage());
      assertEquals(v1, store.get(v1.key()).orElseThrow(), "nothing changed");
      assertEquals(1, store.readHistory(v1.key(), 1, 100).size());
    }
  }

  // ------------------------------------------------------------------ listing

  @Test
  void list_shouldFilterNewestFirstAndPage_whenManyRuns() {
    for (int i = 0; i < 7; i++) {
      Commit.NewRun run = newRun("order-" + i, "OrderWorkflow", Map.of("CustomerId", i % 2 == 0 ? "even" : "odd"));
      store.create(run, null);
      clock.advance(Duration.ofSeconds(1));
    }
    for (int i = 0; i < 3; i++) {
      store.create(newRun("ship-" + i, "ShippingWorkflow"), null);
      clock.advance(Duration.ofSeconds(1));
    }
    ExecutionRecord done = store.getCurrent("order-3").orElseThrow();
    store.commit(new Commit(done.version(), done.next(COMPLETED, clock.instant(), 2, WorkflowServiceStates.closed()),
        events(2, 1), List.of(), null));

    List<ExecutionRecord> orders = listAll(new HistoryStore.ListQuery(null, "OrderWorkflow", null, 3, null));
    assertEquals(List.of("order-6", "order-5", "order-4", "order-3", "order-2", "order-1", "order-0"), ids(orders));

    assertEquals(List.of("order-3"), ids(listAll(new HistoryStore.ListQuery(COMPLETED, null, null, 2, null))));
    assertEquals(9, listAll(new HistoryStore.ListQuery(RUNNING, null, null, 4, null)).size());
    assertEquals(List.of("order-6", "order-4", "order-2", "order-0"),
        ids(listAll(new HistoryStore.ListQuery(null, null, Map.of("CustomerId", "even"), 10, null))));
    assertEquals(List.of("ship-2", "ship-1", "ship-0", "order-6"),
        ids(store.list(new HistoryStore.ListQuery(null, null, null, 4, null)).executions()));
  }

  private List<ExecutionRecord> listAll(HistoryStore.ListQuery q) {
    List<ExecutionRecord> out = new ArrayList<>();
    String token = null;
    Set<String> tokens = new HashSet<>();
    do {
      HistoryStore.ExecutionPage page = store.list(new HistoryStore.ListQuery(q.status(), q.workflowType(),
          q.searchAttributes(), q.pageSize(), token));
      assertTrue(page.executions().size() <= q.pageSize(), "page size respected");
      out.addAll(page.executions());
      token = page.nextPageToken();
      assertTrue(token == null || tokens.add(token), "page tokens advance");
    } while (token != null);
    return out;
  }

  private static List<String> ids(List<ExecutionRecord> records) {
    return records.stream().map(r -> r.key().workflowId()).toList();
  }

  // ------------------------------------------------------------------ outbox

  @Test
  void findUnsentTasks_shouldReturnCommittedTasksUntilMarkedSent() {
    Commit.NewRun run = newRun("wf-1", "OrderWorkflow");
    store.create(run, null);
    ExecutionRecord v1 = run.record();
    OutboxTask activity = new OutboxTask("task-a", StoreJsonTest.activityTask(), clock.instant().plusSeconds(30));
    store.commit(new Commit(v1.version(), v1.next(RUNNING, null, 2, v1.state()), events(2, 1), List.of(activity), null));

    assertEquals(List.of(), store.findUnsentTasks(clock.instant().minusSeconds(1), 100), "none committed before then");
    clock.advance(Duration.ofSeconds(5));
    List<HistoryStore.UnsentTask> unsent = store.findUnsentTasks(clock.instant(), 100);
    Set<OutboxTask> tasks = new HashSet<>();
    unsent.forEach(u -> tasks.add(u.task()));
    assertEquals(Set.of(run.tasks().get(0), activity), tasks, "tasks come back whole, input included");
    unsent.forEach(u -> assertEquals(v1.key(), u.key()));

    store.markSent(v1.key(), List.of("task-a"));
    store.markSent(v1.key(), List.of("task-a"));
    assertEquals(List.of(run.tasks().get(0)), store.findUnsentTasks(clock.instant(), 100).stream()
        .map(HistoryStore.UnsentTask::task).toList());
    store.markSent(v1.key(), List.of(run.tasks().get(0).id()));
    assertEquals(List.of(), store.findUnsentTasks(clock.instant(), 100));
  }

  @Test
  void findUnsentTasks_shouldHonourLimit_whenManyUnsent() {
    for (int i = 0; i < 12; i++) {
      store.create(newRun("wf-" + i, "OrderWorkflow"), null);
    }
    clock.advance(Duration.ofSeconds(1));
    assertEquals(5, store.findUnsentTasks(clock.instant(), 5).size());
    assertEquals(12, store.findUnsentTasks(clock.instant(), 100).size());
  }

  // ------------------------------------------------------------------ fixtures

  private void clearOutbox() {
    for (HistoryStore.UnsentTask t : store.findUnsentTasks(clock.instant().plusSeconds(3600), 1000)) {
      store.markSent(t.key(), List.of(t.task().id()));
    }
  }

  protected Commit.NewRun newRun(String workflowId, String type) {
    return newRun(workflowId, type, Map.of());
  }

  protected Commit.NewRun newRun(String workflowId, String type, Map<String, Object> searchAttributes) {
    String runId = "run-" + ids.incrementAndGet();
    ExecutionKey key = new ExecutionKey(workflowId, runId);
    HistoryEvent started = new HistoryEvent(1, clock.instant(), new EventAttributes.WorkflowExecutionStarted(type, "orders",
        payload("input-of-" + workflowId), null, null, 1, null, runId, null, null, null, null, null, null, null,
        searchAttributes, null, null, null, null));
    ExecutionRecord record = new ExecutionRecord(key, type, "orders", RUNNING, clock.instant(), null, 1, 1,
        searchAttributes, ExecutionState.initial());
    return new Commit.NewRun(record, List.of(started), List.of(decisionTask(key)));
  }

  private OutboxTask decisionTask(ExecutionKey key) {
    return new OutboxTask("task-" + ids.incrementAndGet(), new Task.DecisionTask(key), clock.instant());
  }

  protected List<HistoryEvent> events(long fromId, int count) {
    List<HistoryEvent> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new HistoryEvent(fromId + i, clock.instant(), new EventAttributes.WorkflowExecutionSignaled("s" + (fromId + i),
          payload(Map.of("n", fromId + i)), null)));
    }
    return out;
  }

  protected static Payloads payload(Object value) {
    return GlobalDataConverter.get().toPayloads(value).orElseThrow();
  }

  /** A clock tests move by hand. */
  public static final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
      now = start;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override public Instant instant() { return now; }
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
  }

  /** The state of a closed run. */
  static final class WorkflowServiceStates {
    static ExecutionState closed() {
      return new ExecutionState(false, Map.of(), Map.of(), null, 0);
    }
  }
}
