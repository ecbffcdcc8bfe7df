package dev.cairn.internal.aws.dynamodb;

import static dev.cairn.internal.aws.dynamodb.StoreFixtures.COMPLETED;
import static dev.cairn.internal.aws.dynamodb.StoreFixtures.RUNNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ConcurrentUpdateException;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStoreContract.MutableClock;
import dev.cairn.internal.store.PayloadTooLargeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the DynamoDB store does at DynamoDB's limits, on conflicts and at close (TTL). */
@ExtendWith(MotoServer.class)
class DynamoDbHistoryStoreLimitsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final StoreFixtures fixtures = new StoreFixtures(clock);
  private DynamoDbClient dynamo;
  private String table;
  private DynamoDbHistoryStore store;

  @BeforeEach
  void openStore() {
    dynamo = MotoServer.newClient();
    table = TestTables.create(dynamo);
    store = new DynamoDbHistoryStore(dynamo, table, clock);
  }

  @AfterEach
  void dropTable() {
    TestTables.delete(dynamo, table);
    dynamo.close();
  }

  @Test
  void commit_shouldRefuseWholeAndWriteNothing_whenItNeedsMoreThanOneTransactionOfItems() {
    ExecutionRecord v1 = started("wf-fanout");
    List<HistoryEvent> events = fixtures.signals(2, 1, 10);

    CommitTooLargeException e = assertThrows(CommitTooLargeException.class, () -> store.commit(new Commit(v1.version(),
        v1.next(RUNNING, null, 2, v1.state()), events, fixtures.decisionTasks(v1.key(), 120), null)));

    assertTrue(e.getMessage().contains("122 DynamoDB items") && e.getMessage().contains("limit of 100"), e.getMessage());
    assertUnchanged(v1);
  }

  @Test
  void commit_shouldPackHundredsOfEventsIntoOneTransaction_whenTheyFitInFewItems() {
    ExecutionRecord v1 = started("wf-many-events");
    List<HistoryEvent> events = fixtures.signals(2, 500, 1_000);

    store.commit(new Commit(v1.version(), v1.next(RUNNING, null, 501, v1.state()), events, List.of(), null));

    List<HistoryEvent> history = store.readHistory(v1.key(), 1, 1_000);
    assertEquals(501, history.size());
    assertEquals(events, history.subList(1, 501));
    assertEquals(events.subList(248, 251), store.readHistory(v1.key(), 250, 3), "a page starting inside an item");
    System.out.println("figure: 500 events of ~1 KB committed in one transaction as " + historyItems(v1.key()).size()
        + " history items");
  }

  @Test
  void commit_shouldRefuseWithPayloadTooLargeAndLeaveRunUnchanged_whenAnEventIsOverTheItemLimit() {
    ExecutionRecord v1 = started("wf-big-event");
    List<HistoryEvent> events = fixtures.signals(2, 1, 420_000);

    PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> store.commit(new Commit(
        v1.version(), v1.next(RUNNING, null, 2, v1.state()), events, List.of(fixtures.decisionTask(v1.key())), null)));

    assertTrue(e.getMessage().contains("event 2") && e.limit() == 400_000, e.getMessage());
    assertUnchanged(v1);
  }

  @Test
  void commit_shouldRefuseWithPayloadTooLarge_whenTheTransactionIsOverFourMegabytes() {
    ExecutionRecord v1 = started("wf-big-commit");
    List<HistoryEvent> events = fixtures.signals(2, 12, 380_000);

    PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> store.commit(new Commit(
        v1.version(), v1.next(RUNNING, null, 13, v1.state()), events, List.of(), null)));

    assertEquals(4L * 1024 * 1024, e.limit(), e.getMessage());
    assertUnchanged(v1);
  }

  @Test
  void commit_shouldRaiseConcurrentUpdate_whenAnotherWriterCommittedTheSameVersion() {
    ExecutionRecord v1 = started("wf-conflict");
    try (DynamoDbClient otherClient = MotoServer.newClient()) {
      DynamoDbHistoryStore otherWriter = new DynamoDbHistoryStore(otherClient, table, clock);
      otherWriter.commit(new Commit(v1.version(), v1.next(RUNNING, null, 2, v1.state()), fixtures.signals(2, 1, 10),
          List.of(), null));
    }

    ConcurrentUpdateException e = assertThrows(ConcurrentUpdateException.class, () -> store.commit(new Commit(
        v1.version(), v1.next(COMPLETED, clock.instant(), 2, StoreFixtures.closedState()), fixtures.signals(2, 1, 20),
        List.of(fixtures.decisionTask(v1.key())), null)));

    assertTrue(e.getMessage().contains("version 2, not 1"), e.getMessage());
    ExecutionRecord now = store.get(v1.key()).orElseThrow();
    assertEquals(RUNNING, now.status());
    assertEquals("s2", ((dev.cairn.internal.history.EventAttributes.WorkflowExecutionSignaled)
        store.readHistory(v1.key(), 2, 1).get(0).attributes()).signalName());
    assertEquals(1, store.findUnsentTasks(clock.instant().plusSeconds(1), 10).size(), "only the start's task");
  }

  @Test
  void commit_shouldSetExpiryOnRecordHistoryAndPointer_whenTheRunCloses() {
    ExecutionRecord r = started("wf-ttl");
    for (int i = 0; i < 3; i++) {
      ExecutionRecord next = r.next(RUNNING, null, r.lastEventId() + 2, r.state());
      store.commit(new Commit(r.version(), next, fixtures.signals(r.lastEventId() + 1, 2, 10), List.of(), null));
      r = next;
    }
    assertNull(item(RunItems.key(r.key())).get(TableKeys.EXPIRES_AT), "an open run does not expire");
    clock.advance(Duration.ofMinutes(5));
    Instant closed = clock.instant();

    store.commit(new Commit(r.version(), r.next(COMPLETED, closed, r.lastEventId() + 1, StoreFixtures.closedState()),
        fixtures.signals(r.lastEventId() + 1, 1, 10), List.of(), null));

    String expected = Long.toString(closed.plus(Duration.ofDays(30)).getEpochSecond());
    assertEquals(expected, item(RunItems.key(r.key())).get(TableKeys.EXPIRES_AT).n(), "record");
    assertEquals(expected, item(RunItems.currentKey("wf-ttl")).get(TableKeys.EXPIRES_AT).n(), "current-run pointer");
    List<Map<String, AttributeValue>> chunks = historyItems(r.key());
    assertEquals(5, chunks.size(), "one history item per commit");
    chunks.forEach(c -> assertEquals(expected, c.get(TableKeys.EXPIRES_AT).n(), "history item " + c.get("sk").s()));
  }

  @Test
  void create_shouldTreatTheIdAsFree_whenItsCurrentRunHasExpired() {
    ExecutionRecord old = started("wf-expired");
    dynamo.deleteItem(d -> d.tableName(table).key(RunItems.key(old.key()))); // what TTL does

    assertTrue(store.getCurrent("wf-expired").isEmpty());
    Commit.NewRun again = fixtures.newRun("wf-expired");
    store.create(again, null);

    assertEquals(again.record(), store.getCurrent("wf-expired").orElseThrow());
  }

  // ------------------------------------------------------------------ helpers

  private ExecutionRecord started(String workflowId) {
    Commit.NewRun run = fixtures.newRun(workflowId);
    store.create(run, null);
    return run.record();
  }

  private void assertUnchanged(ExecutionRecord v1) {
    assertEquals(v1, store.get(v1.key()).orElseThrow(), "record unchanged");
    assertEquals(1, store.readHistory(v1.key(), 1, 100).size(), "history unchanged");
    assertEquals(1, store.findUnsentTasks(clock.instant().plusSeconds(1), 1_000).size(), "no task of the refused commit");
  }

  private Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
    return dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
  }

  private List<Map<String, AttributeValue>> historyItems(ExecutionKey key) {
    return dynamo.query(q -> q.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :e)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.runPk(key)),
            ":e", AttributeValue.fromS("E#")))).items();
  }
}
