package dev.cairn.internal.aws.dynamodb;

import static dev.cairn.internal.aws.dynamodb.RunItems.n;
import static dev.cairn.internal.aws.dynamodb.RunItems.s;
import static dev.cairn.internal.aws.dynamodb.TableKeys.EXPIRES_AT;
import static dev.cairn.internal.aws.dynamodb.TableKeys.SK;

import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ConcurrentUpdateException;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.PayloadTooLargeException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The history store on DynamoDB (the cloud). Every create and commit is one TransactWriteItems guarded
 * by the run's version (invariant 1) that also writes the commit's history items and unsent tasks
 * (invariant 2). Item layout, indexes, limits, TTL and the requests per operation: docs/stores.md.
 */
public final class DynamoDbHistoryStore implements HistoryStore {
  private static final System.Logger LOG = System.getLogger(DynamoDbHistoryStore.class.getName());
  private static final int BATCH_WRITE_MAX = 25;
  private static final int MAX_UNPROCESSED_ROUNDS = 8;
  private static final int MAX_HISTORY_QUERY_LIMIT = 1000;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;
  private final DynamoDbStoreSettings settings;
  private final RunListing listing;
  private final OutboxScan outbox;
  private final EventBlobs blobs;

  public DynamoDbHistoryStore(DynamoDbClient dynamo, String table, Clock clock) {
    this(dynamo, table, clock, DynamoDbStoreSettings.defaults());
  }

  public DynamoDbHistoryStore(DynamoDbClient dynamo, String table, Clock clock, DynamoDbStoreSettings settings) {
    this(dynamo, table, clock, settings, null);
  }

  /** With {@code blobs}, events too large for an item go to S3 by reference (null: refused instead). */
  public DynamoDbHistoryStore(DynamoDbClient dynamo, String table, Clock clock, DynamoDbStoreSettings settings,
      EventBlobs blobs) {
    this.blobs = blobs;
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.settings = settings;
    this.listing = new RunListing(dynamo, table, settings.listShards());
    this.outbox = new OutboxScan(dynamo, table, settings.outboxShards(), blobs);
  }

  // ------------------------------------------------------------------ create and commit

  @Override
  public void create(Commit.NewRun run, String expectedCurrentRunId) {
    ExecutionKey key = run.record().key();
    Transaction tx = new Transaction("start of run " + key);
    tx.put(RunItems.current(key), expectedCurrentRunId == null ? "attribute_not_exists(pk)" : "runId = :expected",
        expectedCurrentRunId == null ? Map.of() : Map.of(":expected", s(expectedCurrentRunId)));
    addNewRun(tx, run);
    try {
      tx.execute();
    } catch (TransactionCanceledException e) {
      throwIfNotConditional(e);
      if (expectedCurrentRunId == null && failed(e, 0)) {
        String dangling = danglingCurrentRunId(key.workflowId());
        if (dangling != null) {
          create(run, dangling); // the pointer's run has expired: as if the id had no run
          return;
        }
      }
      throw new ConcurrentUpdateException(failed(e, 0)
          ? "current run of " + key.workflowId() + " is not " + expectedCurrentRunId
          : "run " + key + " exists");
    }
  }

  @Override
  public void commit(Commit commit) {
    ExecutionRecord record = commit.record();
    ExecutionKey key = record.key();
    long firstEventId = requireContiguous(commit.events());
    Long expiresAt = expiresAt(record);
    Transaction tx = new Transaction("commit of run " + key);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":version", n(commit.expectedVersion()));
    String condition = "version = :version";
    if (firstEventId > 0) {
      values.put(":last", n(firstEventId - 1));
      condition += " AND lastEventId = :last";
    }
    tx.put(RunItems.toItem(record, settings.listShards(), expiresAt), condition, values);
    addHistory(tx, key, commit.events(), expiresAt);
    addTasks(tx, key, commit.tasks());
    int currentPointerIndex = -1;
    if (commit.next() != null) {
      currentPointerIndex = tx.size();
      tx.put(RunItems.current(commit.next().record().key()), "runId = :this", Map.of(":this", s(key.runId())));
      addNewRun(tx, commit.next());
    }
    try {
      tx.execute();
    } catch (TransactionCanceledException e) {
      throwIfNotConditional(e);
      if (failed(e, 0)) {
        throw refusalOf(commit, firstEventId);
      }
      throw new ConcurrentUpdateException(currentPointerIndex >= 0 && failed(e, currentPointerIndex)
          ? "run " + key + " is no longer current" : "run " + key + " changed during the commit");
    }
    if (expiresAt != null) {
      stampExpiry(key, firstEventId > 0 ? firstEventId : record.lastEventId() + 1, expiresAt);
    }
  }

  private void addNewRun(Transaction tx, Commit.NewRun run) {
    ExecutionKey key = run.record().key();
    tx.put(RunItems.toItem(run.record(), settings.listShards(), expiresAt(run.record())), "attribute_not_exists(pk)",
        Map.of());
    requireContiguous(run.events());
    addHistory(tx, key, run.events(), expiresAt(run.record()));
    addTasks(tx, key, run.tasks());
  }

  private void addHistory(Transaction tx, ExecutionKey key, List<HistoryEvent> events, Long expiresAt) {
    for (HistoryChunks.Chunk chunk : HistoryChunks.pack(key, events, blobs)) {
      tx.put(HistoryChunks.toItem(key, chunk, expiresAt), "attribute_not_exists(pk)", Map.of());
    }
  }

  private void addTasks(Transaction tx, ExecutionKey key, List<OutboxTask> tasks) {
    Instant now = clock.instant();
    for (OutboxTask task : tasks) {
      tx.put(OutboxItems.toItem(key, task, now, settings.outboxShards(), blobs), null, Map.of());
    }
  }

  /** @return the first event's id, or 0 when there are none */
  private static long requireContiguous(List<HistoryEvent> events) {
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).eventId() != events.get(i - 1).eventId() + 1) {
        throw new IllegalArgumentException("event ids must continue the history without gaps: got "
            + events.get(i).eventId() + " after " + events.get(i - 1).eventId());
      }
    }
    return events.isEmpty() ? 0 : events.get(0).eventId();
  }

  /** Why the record's condition failed, read back on this failure path only. */
  private RuntimeException refusalOf(Commit commit, long firstEventId) {
    ExecutionKey key = commit.record().key();
    Optional<ExecutionRecord> stored = get(key);
    if (stored.isEmpty()) {
      return new IllegalArgumentException("no run " + key);
    }
    ExecutionRecord now = stored.get();
    if (now.version() != commit.expectedVersion()) {
      return new ConcurrentUpdateException("run " + key + " is at version " + now.version() + ", not "
          + commit.expectedVersion());
    }
    return new IllegalArgumentException("event ids must continue the history without gaps: history ends at "
        + now.lastEventId() + ", commit starts at " + firstEventId);
  }

  private Long expiresAt(ExecutionRecord record) {
    if (record.isOpen() || settings.closedRunRetention() == null) {
      return null;
    }
    Instant closed = record.closeTime() != null ? record.closeTime() : clock.instant();
    return closed.plus(settings.closedRunRetention()).getEpochSecond();
  }

  /**
   * After a closing commit: the TTL on the earlier history items and the current-run pointer. Best
   * effort: an item missed here is only kept longer, never read wrong.
   */
  private void stampExpiry(ExecutionKey key, long fromEventId, long expiresAt) {
    try {
      dynamo.updateItem(u -> u.tableName(table).key(RunItems.currentKey(key.workflowId()))
          .updateExpression("SET #exp = :exp").conditionExpression("runId = :run")
          .expressionAttributeNames(Map.of("#exp", EXPIRES_AT))
          .expressionAttributeValues(Map.of(":exp", n(expiresAt), ":run", s(key.runId()))));
    } catch (ConditionalCheckFailedException e) {
      // another run is current now; its pointer must not expire
    } catch (SdkException e) {
      LOG.log(System.Logger.Level.WARNING, "could not set the expiry of the current-run pointer of " + key, e);
    }
    if (!settings.expireHistoryOnClose() || fromEventId <= 1) {
      return;
    }
    try {
      Map<String, AttributeValue> start = null;
      do {
        Map<String, AttributeValue> startKey = start;
        QueryResponse page = dynamo.query(q -> q.tableName(table)
            .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
            .expressionAttributeValues(Map.of(":pk", s(TableKeys.runPk(key)), ":from", s(TableKeys.EVENTS_FROM),
                ":to", s(TableKeys.eventSk(fromEventId - 1))))
            .projectionExpression("pk, sk").exclusiveStartKey(startKey));
        for (Map<String, AttributeValue> chunkKey : page.items()) {
          dynamo.updateItem(u -> u.tableName(table).key(chunkKey).updateExpression("SET #exp = :exp")
              .expressionAttributeNames(Map.of("#exp", EXPIRES_AT))
              .expressionAttributeValues(Map.of(":exp", n(expiresAt))));
        }
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      } while (start != null);
    } catch (SdkException e) {
      LOG.log(System.Logger.Level.WARNING, "could not set the expiry of all history items of " + key, e);
    }
  }

  private static boolean failed(TransactionCanceledException e, int index) {
    List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  /** Conflicts (a condition failed, another transaction on the same items) are the caller's to retry. */
  private static void throwIfNotConditional(TransactionCanceledException e) {
    List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    boolean conditional = reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
    boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    if (!conditional && conflict) {
      throw new ConcurrentUpdateException("another transaction changed the run at the same time: " + e.getMessage());
    }
    if (!conditional) {
      throw e;
    }
  }

  private String danglingCurrentRunId(String workflowId) {
    Map<String, AttributeValue> pointer = dynamo.getItem(g -> g.tableName(table).key(RunItems.currentKey(workflowId))
        .consistentRead(true)).item();
    if (pointer == null || pointer.isEmpty()) {
      return null;
    }
    String runId = pointer.get(RunItems.RUN_ID).s();
    return get(new ExecutionKey(workflowId, runId)).isEmpty() ? runId : null;
  }

  // ------------------------------------------------------------------ reads

  @Override
  public Optional<ExecutionRecord> get(ExecutionKey key) {
    Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(RunItems.key(key)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RunItems.fromItem(item));
  }

  @Override
  public Optional<ExecutionRecord> getCurrent(String workflowId) {
    Map<String, AttributeValue> pointer = dynamo.getItem(g -> g.tableName(table).key(RunItems.currentKey(workflowId))
        .consistentRead(true)).item();
    if (pointer == null || pointer.isEmpty()) {
      return Optional.empty();
    }
    return get(new ExecutionKey(workflowId, pointer.get(RunItems.RUN_ID).s()));
  }

  @Override
  public List<HistoryEvent> readHistory(ExecutionKey key, long fromEventId, int maxEvents) {
    List<HistoryEvent> out = new ArrayList<>();
    if (maxEvents <= 0) {
      return out;
    }
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> startKey = start;
      int limit = Math.min(maxEvents - out.size(), MAX_HISTORY_QUERY_LIMIT); // each item holds one event or more
      QueryResponse page = dynamo.query(q -> q.tableName(table).consistentRead(true)
          .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(":pk", s(TableKeys.runPk(key)),
              ":from", s(TableKeys.eventSk(Math.max(1, fromEventId))), ":to", s(TableKeys.EVENTS_TO)))
          .limit(limit).exclusiveStartKey(startKey));
      for (Map<String, AttributeValue> item : page.items()) {
        for (HistoryEvent e : HistoryChunks.events(item, blobs)) {
          if (e.eventId() >= fromEventId && out.size() < maxEvents) {
            out.add(e);
          }
        }
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null && out.size() < maxEvents);
    return out;
  }

  @Override
  public ExecutionPage list(ListQuery query) {
    return listing.list(query);
  }

  // ------------------------------------------------------------------ outbox

  @Override
  public List<UnsentTask> findUnsentTasks(Instant committedBefore, int limit) {
    return outbox.find(committedBefore, limit);
  }

  @Override
  public void markSent(ExecutionKey key, Collection<String> taskIds) {
    List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(taskIds));
    for (int i = 0; i < ids.size(); i += BATCH_WRITE_MAX) {
      List<WriteRequest> deletes = ids.subList(i, Math.min(ids.size(), i + BATCH_WRITE_MAX)).stream()
          .map(id -> WriteRequest.builder().deleteRequest(d -> d.key(OutboxItems.key(key, id))).build()).toList();
      Map<String, List<WriteRequest>> request = Map.of(table, deletes);
      for (int round = 0; !request.isEmpty(); round++) {
        if (round == MAX_UNPROCESSED_ROUNDS) {
          throw new IllegalStateException("DynamoDB left outbox deletes unprocessed after " + round + " rounds");
        }
        Map<String, List<WriteRequest>> pending = request;
        BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(pending));
        request = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
        Backoff.pause(round, !request.isEmpty());
      }
    }
  }

  // ------------------------------------------------------------------ transaction

  /** The items of one TransactWriteItems, checked against DynamoDB's limits before it is sent. */
  private final class Transaction {
    private final String what;
    private final List<TransactWriteItem> items = new ArrayList<>();
    private long bytes;

    Transaction(String what) {
      this.what = what;
    }

    void put(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
      long size = ItemSize.of(item);
      if (size > ItemSize.MAX_ITEM_BYTES) {
        throw new PayloadTooLargeException(item.get(SK).s().startsWith("O#") ? "a task of the " + what
            : "the record of the " + what + " (its outstanding state)", size, ItemSize.MAX_ITEM_BYTES);
      }
      bytes += size;
      Put.Builder put = Put.builder().tableName(table).item(item);
      if (condition != null) {
        put.conditionExpression(condition);
        if (!values.isEmpty()) {
          put.expressionAttributeValues(values);
        }
      }
      items.add(TransactWriteItem.builder().put(put.build()).build());
    }

    int size() {
      return items.size();
    }

    void execute() {
      if (items.size() > ItemSize.MAX_TRANSACTION_ITEMS) {
        throw new CommitTooLargeException("the " + what, items.size());
      }
      if (bytes > ItemSize.MAX_TRANSACTION_BYTES) {
        throw new PayloadTooLargeException("the " + what + " in one DynamoDB transaction", bytes,
            ItemSize.MAX_TRANSACTION_BYTES);
      }
      dynamo.transactWriteItems(t -> t.transactItems(items));
    }
  }
}
