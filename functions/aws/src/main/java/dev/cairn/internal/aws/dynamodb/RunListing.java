package dev.cairn.internal.aws.dynamodb;

import static dev.cairn.internal.aws.dynamodb.TableKeys.LIST_PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.LIST_SK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.SK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore.ExecutionPage;
import dev.cairn.internal.store.HistoryStore.ListQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Lists runs newest first from the ByStart index. Records are spread over a fixed number of listPk
 * shards (no single hot index partition at scale), so a page is a merge of one newest-first query per
 * shard; the page token holds each shard's position (the last run taken from it).
 */
final class RunListing {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DONE = "done";

  private final DynamoDbClient dynamo;
  private final String table;
  private final int shards;

  RunListing(DynamoDbClient dynamo, String table, int shards) {
    this.dynamo = dynamo;
    this.table = table;
    this.shards = shards;
  }

  ExecutionPage list(ListQuery q) {
    int size = q.pageSize() <= 0 ? 100 : q.pageSize();
    List<ShardReader> readers = readers(q, size);
    List<ExecutionRecord> page = new ArrayList<>();
    while (page.size() < size) {
      ShardReader newest = null;
      for (ShardReader r : readers) {
        if (r.peek() != null && (newest == null || listSk(r.peek()).compareTo(listSk(newest.peek())) > 0)) {
          newest = r;
        }
      }
      if (newest == null) {
        break;
      }
      page.add(RunItems.fromItem(newest.take()));
    }
    boolean more = readers.stream().anyMatch(r -> r.peek() != null);
    return new ExecutionPage(page, more ? token(readers) : null);
  }

  private static String listSk(Map<String, AttributeValue> item) {
    return item.get(LIST_SK).s();
  }

  private List<ShardReader> readers(ListQuery q, int size) {
    List<ShardReader> readers = new ArrayList<>();
    JsonNode positions = q.pageToken() == null ? null : decode(q.pageToken());
    for (int shard = 0; shard < shards; shard++) {
      JsonNode position = positions == null ? null : positions.get(shard);
      if (position != null && DONE.equals(position.asText())) {
        continue;
      }
      Map<String, AttributeValue> start = null;
      if (position != null && position.isObject()) {
        start = new HashMap<>();
        for (String name : List.of(PK, SK, LIST_PK, LIST_SK)) {
          start.put(name, AttributeValue.fromS(position.path(name).asText()));
        }
      }
      readers.add(new ShardReader(shard, start, q, size));
    }
    return readers;
  }

  private JsonNode decode(String token) {
    try {
      JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      JsonNode positions = node.get("shards");
      if (node.path("v").asInt() != 1 || positions == null || !positions.isArray() || positions.size() != shards) {
        throw new IllegalArgumentException("not a page token of this listing");
      }
      return positions;
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw new IllegalArgumentException("malformed page token", e);
    }
  }

  private String token(List<ShardReader> readers) {
    ObjectNode node = JSON.createObjectNode();
    node.put("v", 1);
    ArrayNode positions = node.putArray("shards");
    for (int shard = 0; shard < shards; shard++) {
      positions.add(DONE);
    }
    for (ShardReader r : readers) {
      Map<String, AttributeValue> position = r.position();
      if (position == null) {
        positions.set(r.shard, JSON.nullNode());
      } else if (!position.isEmpty()) {
        ObjectNode p = JSON.createObjectNode();
        position.forEach((k, v) -> p.put(k, v.s()));
        positions.set(r.shard, p);
      }
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** One shard's runs, newest first, filtered, read a query page at a time. */
  private final class ShardReader {
    final int shard;
    private final ListQuery q;
    private final int size;
    private final Deque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
    private Map<String, AttributeValue> nextQueryStart;
    private Map<String, AttributeValue> lastTaken;
    private boolean exhausted;

    ShardReader(int shard, Map<String, AttributeValue> start, ListQuery q, int size) {
      this.shard = shard;
      this.nextQueryStart = start;
      this.lastTaken = start;
      this.q = q;
      this.size = size;
    }

    Map<String, AttributeValue> peek() {
      while (buffer.isEmpty() && !exhausted) {
        fetch();
      }
      return buffer.peekFirst();
    }

    Map<String, AttributeValue> take() {
      Map<String, AttributeValue> item = buffer.removeFirst();
      lastTaken = item;
      return item;
    }

    /** Where the next page starts in this shard: null from the top, empty when nothing is left. */
    Map<String, AttributeValue> position() {
      if (exhausted && buffer.isEmpty()) {
        return Map.of();
      }
      if (lastTaken == null) {
        return null;
      }
      Map<String, AttributeValue> key = new HashMap<>();
      for (String name : List.of(PK, SK, LIST_PK, LIST_SK)) {
        key.put(name, lastTaken.get(name));
      }
      return key;
    }

    private void fetch() {
      Map<String, AttributeValue> values = new HashMap<>();
      Map<String, String> names = new HashMap<>();
      names.put("#lp", LIST_PK);
      values.put(":lp", AttributeValue.fromS(TableKeys.listPk(shard)));
      List<String> filters = new ArrayList<>();
      if (q.status() != null) {
        names.put("#st", RunItems.STATUS);
        values.put(":st", AttributeValue.fromS(q.status().name()));
        filters.add("#st = :st");
      }
      if (q.workflowType() != null) {
        names.put("#wt", RunItems.WORKFLOW_TYPE);
        values.put(":wt", AttributeValue.fromS(q.workflowType()));
        filters.add("#wt = :wt");
      }
      QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(TableKeys.BY_START_INDEX)
          .keyConditionExpression("#lp = :lp").expressionAttributeNames(names).expressionAttributeValues(values)
          .scanIndexForward(false).limit(Math.min(size + 1, 1000)).exclusiveStartKey(nextQueryStart);
      if (!filters.isEmpty()) {
        request.filterExpression(String.join(" AND ", filters));
      }
      QueryResponse response = dynamo.query(request.build());
      for (Map<String, AttributeValue> item : response.items()) {
        if (matchesSearchAttributes(item)) {
          buffer.addLast(item);
        }
      }
      nextQueryStart = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey() : null;
      exhausted = nextQueryStart == null;
    }

    private boolean matchesSearchAttributes(Map<String, AttributeValue> item) {
      if (q.searchAttributes() == null || q.searchAttributes().isEmpty()) {
        return true;
      }
      Map<String, Object> actual = RunItems.fromItem(item).searchAttributes();
      return q.searchAttributes().entrySet().stream()
          .allMatch(e -> Objects.equals(String.valueOf(actual.get(e.getKey())), String.valueOf(e.getValue())));
    }
  }
}
