package dev.cairn.internal.aws.dynamodb;

import static dev.cairn.internal.aws.dynamodb.RunItems.n;
import static dev.cairn.internal.aws.dynamodb.RunItems.s;
import static dev.cairn.internal.aws.dynamodb.TableKeys.EXPIRES_AT;
import static dev.cairn.internal.aws.dynamodb.TableKeys.PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.SK;

import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.PayloadTooLargeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A run's history as items of consecutive events ({@code H#<workflowId>#<runId>}, {@code E#<last event
 * id, 19 digits>}). The events of one commit share items, as many as fit in DynamoDB's 400 KB, so a
 * commit costs one or a few items whatever its event count; an event over the blobs' threshold is
 * stored in S3 and referenced, and without blobs an event too large for an item alone is refused whole.
 */
final class HistoryChunks {
  static final String FIRST_EVENT_ID = "firstEventId";
  static final String EVENTS = "events";

  private HistoryChunks() {}

  /** Consecutive events that go into one item. */
  record Chunk(long firstEventId, long lastEventId, List<String> eventsJson) {}

  /** @throws PayloadTooLargeException when one event cannot fit in an item by itself */
  static List<Chunk> pack(ExecutionKey key, List<HistoryEvent> events) {
    return pack(key, events, null);
  }

  /**
   * As above; with {@code blobs}, an event over its threshold is stored there and the item keeps its
   * reference, and only an event over the blobs' maximum is refused.
   */
  static List<Chunk> pack(ExecutionKey key, List<HistoryEvent> events, EventBlobs blobs) {
    long overhead = ItemSize.of(toItem(key, new Chunk(Long.MAX_VALUE, Long.MAX_VALUE, List.of()), Long.MAX_VALUE));
    long budget = ItemSize.MAX_ITEM_BYTES - overhead;
    List<Chunk> chunks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    long currentBytes = 0;
    long first = 0;
    long last = 0;
    for (HistoryEvent e : events) {
      String json = HistoryJson.toJson(e);
      long bytes = ItemSize.utf8(json) + 1;
      if (blobs != null && bytes > blobs.thresholdBytes()) {
        if (bytes > blobs.maxBytes()) {
          throw new PayloadTooLargeException("event " + e.eventId() + " (" + e.eventType() + ") of run " + key,
              bytes, blobs.maxBytes());
        }
        json = blobs.put(key, e.eventId(), json);
        bytes = ItemSize.utf8(json) + 1;
      }
      if (bytes > budget) {
        throw new PayloadTooLargeException("event " + e.eventId() + " (" + e.eventType() + ") of run " + key
            + " as stored in one DynamoDB item", bytes + overhead, ItemSize.MAX_ITEM_BYTES);
      }
      if (!current.isEmpty() && currentBytes + bytes > budget) {
        chunks.add(new Chunk(first, last, current));
        current = new ArrayList<>();
        currentBytes = 0;
      }
      if (current.isEmpty()) {
        first = e.eventId();
      }
      current.add(json);
      currentBytes += bytes;
      last = e.eventId();
    }
    if (!current.isEmpty()) {
      chunks.add(new Chunk(first, last, current));
    }
    return chunks;
  }

  static Map<String, AttributeValue> toItem(ExecutionKey key, Chunk chunk, Long expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PK, s(TableKeys.runPk(key)));
    item.put(SK, s(TableKeys.eventSk(chunk.lastEventId())));
    item.put(FIRST_EVENT_ID, n(chunk.firstEventId()));
    item.put(EVENTS, AttributeValue.fromL(chunk.eventsJson().stream().map(AttributeValue::fromS).toList()));
    if (expiresAt != null) {
      item.put(EXPIRES_AT, n(expiresAt));
    }
    return item;
  }

  static List<HistoryEvent> events(Map<String, AttributeValue> item, EventBlobs blobs) {
    List<HistoryEvent> out = new ArrayList<>();
    for (AttributeValue v : item.get(EVENTS).l()) {
      String element = v.s();
      if (EventBlobs.isReference(element)) {
        if (blobs == null) {
          throw new IllegalStateException("history holds an event stored in S3 (" + element
              + ") but this store was built without access to the payload bucket");
        }
        element = blobs.get(element);
      }
      out.add(HistoryJson.eventFromJson(element));
    }
    return out;
  }
}
