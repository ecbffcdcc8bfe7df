package dev.cairn.internal.aws.sqs;

import dev.cairn.internal.aws.s3.PayloadOffload;
import dev.cairn.internal.service.TaskDispatcher;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.StoreJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends committed tasks to their SQS queues ({@link QueueRoutes}), in SendMessageBatch calls of at
 * most ten entries and the queue's size limit. A task due later is sent with a delay of up to SQS's
 * 15 minutes; one due later still arrives early and its consumer sends it on (chained delays). A
 * body over the size limit goes to S3 ({@link PayloadOffload}). If some entries still fail after a
 * retry, {@link #send} throws: the caller then marks none sent and recovery re-sends them all.
 */
public final class SqsTaskDispatcher implements TaskDispatcher {
  /** SQS's maximum DelaySeconds. */
  public static final int MAX_DELAY_SECONDS = 900;
  static final int MAX_BATCH_ENTRIES = 10;
  private static final int ATTEMPTS = 2;

  private final SqsClient sqs;
  private final QueueRoutes routes;
  private final PayloadOffload offload;
  private final Clock clock;

  public SqsTaskDispatcher(SqsClient sqs, QueueRoutes routes, PayloadOffload offload, Clock clock) {
    this.sqs = sqs;
    this.routes = routes;
    this.offload = offload;
    this.clock = clock;
  }

  public QueueRoutes routes() {
    return routes;
  }

  /** Whole seconds until {@code visibleAt}, rounded up so a task never arrives before it is due, at most 900. */
  public static int delaySeconds(Instant visibleAt, Instant now) {
    if (visibleAt == null || !visibleAt.isAfter(now)) {
      return 0;
    }
    Duration d = Duration.between(now, visibleAt);
    long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return (int) Math.min(MAX_DELAY_SECONDS, seconds);
  }

  @Override
  public void send(List<OutboxTask> tasks) {
    Instant now = clock.instant();
    Map<String, List<SendMessageBatchRequestEntry>> byQueue = new LinkedHashMap<>();
    for (OutboxTask t : tasks) {
      String body = offload.toMessageBody(objectKey(t), StoreJson.taskToJson(t));
      List<SendMessageBatchRequestEntry> entries = byQueue.computeIfAbsent(routes.urlFor(t.task()), u -> new ArrayList<>());
      entries.add(SendMessageBatchRequestEntry.builder()
          .id("t" + entries.size())
          .messageBody(body)
          .delaySeconds(delaySeconds(t.visibleAt(), now))
          .build());
    }
    List<String> failures = new ArrayList<>();
    byQueue.forEach((url, entries) -> {
      for (List<SendMessageBatchRequestEntry> batch : batches(entries, offload.messageLimitBytes())) {
        failures.addAll(sendBatch(url, batch));
      }
    });
    if (!failures.isEmpty()) {
      throw new TaskDispatchException(failures.size() + " of " + tasks.size() + " task messages could not be sent: "
          + String.join("; ", failures));
    }
  }

  /** Stable per task: a re-send (recovery, chained delay) overwrites the same object. */
  private static String objectKey(OutboxTask t) {
    return "messages/" + t.task().key().runId() + "/" + t.id() + ".json";
  }

  /** Consecutive groups of at most ten entries whose bodies together fit {@code maxBytes}. */
  static List<List<SendMessageBatchRequestEntry>> batches(List<SendMessageBatchRequestEntry> entries, int maxBytes) {
    List<List<SendMessageBatchRequestEntry>> batches = new ArrayList<>();
    List<SendMessageBatchRequestEntry> current = new ArrayList<>();
    long bytes = 0;
    for (SendMessageBatchRequestEntry e : entries) {
      int size = e.messageBody().getBytes(StandardCharsets.UTF_8).length;
      if (!current.isEmpty() && (current.size() == MAX_BATCH_ENTRIES || bytes + size > maxBytes)) {
        batches.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(e);
      bytes += size;
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }

  /** Sends a batch, retrying the entries SQS refused once; returns what still failed. */
  private List<String> sendBatch(String url, List<SendMessageBatchRequestEntry> batch) {
    List<SendMessageBatchRequestEntry> pending = batch;
    List<BatchResultErrorEntry> failed = List.of();
    for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
      List<SendMessageBatchRequestEntry> toSend = pending;
      SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(toSend));
      failed = response.failed();
      List<String> failedIds = failed.stream().map(BatchResultErrorEntry::id).toList();
      pending = toSend.stream().filter(e -> failedIds.contains(e.id())).toList();
    }
    return failed.stream().map(f -> url + " entry " + f.id() + ": " + f.code() + " " + f.message()).toList();
  }

  /** Some task messages were not sent; none of the call's tasks may be marked sent. */
  public static final class TaskDispatchException extends RuntimeException {
    public TaskDispatchException(String message) {
      super(message);
    }
  }
}
