package dev.cairn.internal.aws.dynamodb;

import static dev.cairn.internal.aws.dynamodb.RunItems.s;
import static dev.cairn.internal.aws.dynamodb.TableKeys.OUTBOX_AT;
import static dev.cairn.internal.aws.dynamodb.TableKeys.OUTBOX_PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.SK;

import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.HistoryStore.UnsentTask;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.StoreJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An unsent task ({@code H#<workflowId>#<runId>}, {@code O#<taskId>}), written in the commit that
 * creates it and deleted once sent. It carries {@code outboxPk} (one of a few shards) and
 * {@code outboxAt} (commit time) so that the sparse Outbox index lists exactly the unsent tasks.
 */
final class OutboxItems {
  private OutboxItems() {}

  static Map<String, AttributeValue> key(ExecutionKey key, String taskId) {
    return Map.of(PK, s(TableKeys.runPk(key)), SK, s(TableKeys.outboxSk(taskId)));
  }

  static Map<String, AttributeValue> toItem(ExecutionKey key, OutboxTask task, Instant committedAt, int shards,
      EventBlobs blobs) {
    Map<String, AttributeValue> item = new HashMap<>(key(key, task.id()));
    item.put(RunItems.WORKFLOW_ID, s(key.workflowId()));
    item.put(RunItems.RUN_ID, s(key.runId()));
    String json = StoreJson.taskToJson(task);
    if (blobs != null && ItemSize.utf8(json) > blobs.thresholdBytes()) {
      // an activity task carries its input: a large one goes to S3 like the event that holds it
      json = blobs.put(key, 0, json);
    }
    item.put("task", s(json));
    item.put("committedAt", s(committedAt.toString()));
    item.put(OUTBOX_PK, s(TableKeys.outboxPk(task.id(), shards)));
    item.put(OUTBOX_AT, s(TableKeys.sortable(committedAt)));
    return item;
  }

  static UnsentTask fromItem(Map<String, AttributeValue> item, EventBlobs blobs) {
    String json = item.get("task").s();
    if (EventBlobs.isReference(json)) {
      if (blobs == null) {
        throw new IllegalStateException("an outbox task is stored in S3 (" + json + ") but this store has no payload bucket");
      }
      json = blobs.get(json);
    }
    return new UnsentTask(new ExecutionKey(item.get(RunItems.WORKFLOW_ID).s(), item.get(RunItems.RUN_ID).s()),
        StoreJson.taskFromJson(json), Instant.parse(item.get("committedAt").s()));
  }
}
