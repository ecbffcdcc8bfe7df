package dev.cairn.internal.aws.dynamodb;

import static dev.cairn.internal.aws.dynamodb.TableKeys.OUTBOX_AT;
import static dev.cairn.internal.aws.dynamodb.TableKeys.OUTBOX_PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.SK;

import dev.cairn.internal.store.HistoryStore.UnsentTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Finds unsent tasks for recovery (invariant 2): the oldest keys from each shard of the sparse,
 * keys-only Outbox index, then the tasks themselves by BatchGetItem (a task sent meanwhile is gone
 * and simply not returned).
 */
final class OutboxScan {
  private static final int BATCH_GET_MAX = 100;
  private static final int MAX_UNPROCESSED_ROUNDS = 8;

  private final DynamoDbClient dynamo;
  private final String table;
  private final int shards;

  private final EventBlobs blobs;

  OutboxScan(DynamoDbClient dynamo, String table, int shards, EventBlobs blobs) {
    this.blobs = blobs;
    this.dynamo = dynamo;
    this.table = table;
    this.shards = shards;
  }

  List<UnsentTask> find(Instant committedBefore, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int shard = 0; shard < shards; shard++) {
      keys.addAll(oldestKeys(shard, committedBefore, limit));
    }
    keys.sort(Comparator.comparing(k -> k.get(OUTBOX_AT).s()));
    List<Map<String, AttributeValue>> wanted = new ArrayList<>();
    for (Map<String, AttributeValue> k : keys.subList(0, Math.min(limit, keys.size()))) {
      wanted.add(Map.of(PK, k.get(PK), SK, k.get(SK)));
    }
    List<UnsentTask> out = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i += BATCH_GET_MAX) {
      for (Map<String, AttributeValue> item : batchGet(wanted.subList(i, Math.min(wanted.size(), i + BATCH_GET_MAX)))) {
        out.add(OutboxItems.fromItem(item, blobs));
      }
    }
    out.sort(Comparator.comparing(UnsentTask::committedAt));
    return out;
  }

  private List<Map<String, AttributeValue>> oldestKeys(int shard, Instant committedBefore, int limit) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> startKey = start;
      QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(TableKeys.OUTBOX_INDEX)
          .keyConditionExpression("#p = :p AND #at < :before")
          .expressionAttributeNames(Map.of("#p", OUTBOX_PK, "#at", OUTBOX_AT))
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(TableKeys.outboxPk(shard)),
              ":before", AttributeValue.fromS(TableKeys.sortable(committedBefore))))
          .limit(limit - out.size()).exclusiveStartKey(startKey));
      out.addAll(r.items());
      start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    } while (start != null && out.size() < limit);
    return out;
  }

  private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    Map<String, KeysAndAttributes> request = new HashMap<>();
    request.put(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    for (int round = 0; !request.isEmpty(); round++) {
      if (round == MAX_UNPROCESSED_ROUNDS) {
        throw new IllegalStateException("DynamoDB left outbox reads unprocessed after " + round + " rounds");
      }
      Map<String, KeysAndAttributes> pending = request;
      BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(pending));
      out.addAll(r.responses().getOrDefault(table, List.of()));
      request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
      Backoff.pause(round, !request.isEmpty());
    }
    return out;
  }
}
