package dev.cairn.internal.aws.dynamodb;

import static dev.cairn.internal.aws.dynamodb.StoreFixtures.COMPLETED;
import static dev.cairn.internal.aws.dynamodb.StoreFixtures.RUNNING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.HistoryStoreContract.MutableClock;
import dev.cairn.internal.store.OutboxTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB requests each store operation sends (what a user pays per request, compared in
 * docs/stores.md with Step Functions' state transitions). Counted, printed and held: a change here
 * changes the cost of every workflow.
 */
@ExtendWith(MotoServer.class)
class DynamoDbRequestCountTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final StoreFixtures fixtures = new StoreFixtures(clock);
  private final RequestCounter counter = new RequestCounter();

  @Test
  void operations_shouldSendTheDocumentedNumberOfRequests_whenARunGoesFromStartToClose() {
    try (DynamoDbClient dynamo = MotoServer.newClient(counter)) {
      String table = TestTables.create(dynamo);
      try {
        HistoryStore store = new DynamoDbHistoryStore(dynamo, table, clock);
        counter.take();

        Commit.NewRun run = fixtures.newRun("wf-cost");
        store.create(run, null);
        expect("create", Map.of("TransactWriteItems", 1));

        store.markSent(run.record().key(), List.of(run.tasks().get(0).id()));
        expect("markSent", Map.of("BatchWriteItem", 1));

        store.getCurrent("wf-cost");
        expect("getCurrent", Map.of("GetItem", 2));

        ExecutionRecord r = store.get(run.record().key()).orElseThrow();
        expect("get", Map.of("GetItem", 1));

        store.readHistory(r.key(), 1, 1000);
        expect("readHistory (short history)", Map.of("Query", 1));

        List<OutboxTask> tasks = fixtures.decisionTasks(r.key(), 3);
        ExecutionRecord next = r.next(RUNNING, null, 4, r.state());
        store.commit(new Commit(r.version(), next, fixtures.signals(2, 3, 100), tasks, null));
        expect("commit (3 events, 3 tasks)", Map.of("TransactWriteItems", 1));
        r = next;

        store.findUnsentTasks(clock.instant().plusSeconds(1), 100);
        expect("findUnsentTasks (one shard per Query)", Map.of("Query", 4, "BatchGetItem", 1));

        store.list(new HistoryStore.ListQuery(null, null, null, 20, null));
        expect("list (one Query per shard)", Map.of("Query", 8));

        store.commit(new Commit(r.version(), r.next(COMPLETED, clock.instant(), 5, StoreFixtures.closedState()),
            fixtures.signals(5, 1, 100), List.of(), null));
        expect("closing commit (2 earlier history items)", Map.of("TransactWriteItems", 1, "UpdateItem", 1 + 2, "Query", 1));
      } finally {
        TestTables.delete(dynamo, table);
      }
    }
  }

  private void expect(String operation, Map<String, Integer> expected) {
    Map<String, Integer> actual = counter.take();
    System.out.println("figure: " + operation + " -> " + actual);
    assertEquals(expected, actual, operation);
  }
}
