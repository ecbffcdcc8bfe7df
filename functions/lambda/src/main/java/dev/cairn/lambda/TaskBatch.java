package dev.cairn.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.StoreJson;
import dev.cairn.internal.store.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every queue handler does with a batch before its own work: read each message's task (a
 * malformed one is logged and acknowledged, never left to poison the queue), send on a task that
 * arrived before it is due (a delay longer than SQS's 15 minutes, chained) or on the wrong queue,
 * and hand the rest to the handler. The response lists only the messages that failed, for SQS to
 * deliver again (ReportBatchItemFailures).
 */
final class TaskBatch {
  private static final Logger log = LoggerFactory.getLogger(TaskBatch.class);

  private final CairnRuntime runtime;
  private final Predicate<Task> handles;

  /** @param handles the task kinds this queue carries; others are forwarded to their own queue */
  TaskBatch(CairnRuntime runtime, Predicate<Task> handles) {
    this.runtime = runtime;
    this.handles = handles;
  }

  /** @param work runs the due tasks and returns the message ids that failed */
  SQSBatchResponse process(SQSEvent event, Function<List<ReceivedTask>, Set<String>> work) {
    Set<String> failed = new LinkedHashSet<>();
    List<ReceivedTask> due = new ArrayList<>();
    List<ReceivedTask> forward = new ArrayList<>();
    Instant now = runtime.clock().instant();
    List<SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
    for (SQSMessage m : records) {
      ReceivedTask received;
      try {
        received = read(m);
      } catch (RuntimeException e) {
        log.error("message {} could not be read (payload store unavailable?); SQS will deliver it again", m.getMessageId(), e);
        failed.add(m.getMessageId());
        continue;
      }
      if (received == null) {
        continue;
      }
      boolean early = received.outbox().visibleAt() != null && received.outbox().visibleAt().isAfter(now);
      (early || !handles.test(received.outbox().task()) ? forward : due).add(received);
    }
    failed.addAll(forward(forward));
    if (!due.isEmpty()) {
      failed.addAll(work.apply(due));
    }
    return SQSBatchResponse.builder()
        .withBatchItemFailures(failed.stream().map(id -> new SQSBatchResponse.BatchItemFailure(id)).toList())
        .build();
  }

  /** The message's task, or null for a message that is not a task of a version this build reads. */
  private ReceivedTask read(SQSMessage m) {
    String body = runtime.payloads().fromMessageBody(m.getBody());
    try {
      return new ReceivedTask(m, StoreJson.taskFromJson(body));
    } catch (IllegalArgumentException e) {
      log.error("message {} is not a Cairn task; acknowledged and dropped: {}{}", m.getMessageId(), e.getMessage(),
          runtime.logPayloads() ? "; body: " + body : "");
      return null;
    }
  }

  /** Sends tasks on (with their remaining delay, or to their own queue) and acknowledges these messages. */
  private Set<String> forward(List<ReceivedTask> tasks) {
    if (tasks.isEmpty()) {
      return Set.of();
    }
    try {
      runtime.dispatcher().send(tasks.stream().map(ReceivedTask::outbox).toList());
      return Set.of();
    } catch (RuntimeException e) {
      log.error("could not send on {} early or misrouted tasks; SQS will deliver them again", tasks.size(), e);
      Set<String> ids = new LinkedHashSet<>();
      tasks.forEach(t -> ids.add(t.messageId()));
      return ids;
    }
  }

  /** Runs {@code each} for every item on its own virtual thread; returns the message ids whose run failed. */
  static <T> Set<String> inParallel(List<T> items, Function<T, Set<String>> each) {
    Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (T item : items) {
        threads.execute(() -> failed.addAll(each.apply(item)));
      }
    }
    return failed;
  }

}
