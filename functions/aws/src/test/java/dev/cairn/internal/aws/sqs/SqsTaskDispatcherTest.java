package dev.cairn.internal.aws.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.internal.aws.LoopbackSqs;
import dev.cairn.internal.aws.Tasks;
import dev.cairn.internal.aws.s3.PayloadOffload;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.StoreJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

class SqsTaskDispatcherTest {
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  static LoopbackSqs sqs;

  String decisions;
  String timers;
  String activities;
  String billing;
  SqsTaskDispatcher dispatcher;

  @BeforeAll
  static void startSqs() {
    sqs = new LoopbackSqs();
  }

  @AfterAll
  static void stopSqs() {
    sqs.close();
  }

  @BeforeEach
  void queues(org.junit.jupiter.api.TestInfo info) {
    String p = info.getTestMethod().orElseThrow().getName().replaceAll("[^A-Za-z0-9]", "").substring(0, 20);
    decisions = sqs.createQueue(p + "-decisions");
    timers = sqs.createQueue(p + "-timers");
    activities = sqs.createQueue(p + "-activities");
    billing = sqs.createQueue(p + "-billing");
    dispatcher = new SqsTaskDispatcher(sqs.client(), new QueueRoutes(decisions, timers, activities, Map.of("billing", billing)),
        PayloadOffload.inlineOnly(PayloadOffload.SQS_MESSAGE_LIMIT), Clock.fixed(NOW, ZoneOffset.UTC));
    sqs.clearRequests();
  }

  List<OutboxTask> receiveAll(String url, int expected) {
    List<OutboxTask> got = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (got.size() < expected && System.nanoTime() < deadline) {
      for (Message m : sqs.client().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
        got.add(StoreJson.taskFromJson(m.body()));
      }
    }
    return got;
  }

  @Test
  void send_shouldRouteEachTaskToItsQueue_whenTasksOfEveryKindAreCommittedTogether() {
    OutboxTask decision = Tasks.decision("d", NOW);
    OutboxTask defaultActivity = Tasks.activity("a", "orders", 10, NOW);
    OutboxTask billingActivity = Tasks.activity("b", "billing", 10, NOW);
    dispatcher.send(List.of(decision, defaultActivity, billingActivity));

    assertEquals(List.of(decision), receiveAll(decisions, 1));
    assertEquals(List.of(defaultActivity), receiveAll(activities, 1));
    assertEquals(List.of(billingActivity), receiveAll(billing, 1));
  }

  @Test
  void send_shouldSplitIntoBatchesOfTen_whenTwentyFiveTasksGoToOneQueue() {
    List<OutboxTask> tasks = IntStream.range(0, 25).mapToObj(i -> Tasks.decision("d" + i, NOW)).toList();
    dispatcher.send(tasks);

    List<SendMessageBatchRequest> batches = sqs.requests(SendMessageBatchRequest.class);
    assertEquals(List.of(10, 10, 5), batches.stream().map(b -> b.entries().size()).toList());
    assertEquals(25, receiveAll(decisions, 25).size());
  }

  @Test
  void send_shouldStartANewBatch_whenTheNextBodyWouldPassTheBatchSizeLimit() {
    // three bodies of ~100 KB: two fit in 256 KB, the third goes in a batch of its own
    List<OutboxTask> tasks = IntStream.range(0, 3).mapToObj(i -> Tasks.activity("a" + i, "orders", 100_000, NOW)).toList();
    dispatcher.send(tasks);

    assertEquals(List.of(2, 1), sqs.requests(SendMessageBatchRequest.class).stream().map(b -> b.entries().size()).toList());
    assertEquals(3, receiveAll(activities, 3).size());
  }

  @Test
  void send_shouldDelayEachTaskUntilItIsDue_cappedAtFifteenMinutes() {
    dispatcher.send(List.of(Tasks.timer("now", NOW), Tasks.timer("soon", NOW.plusMillis(2_300)),
        Tasks.timer("later", NOW.plus(Duration.ofHours(2)))));

    List<Integer> delays = sqs.requests(SendMessageBatchRequest.class).get(0).entries().stream()
        .map(SendMessageBatchRequestEntry::delaySeconds).toList();
    assertEquals(List.of(0, 3, 900), delays);
    List<OutboxTask> immediately = receiveAll(timers, 1);
    assertEquals("now", immediately.get(0).id());
  }

  /** Makes SQS refuse entry {@code id} of the next {@code times} batches: a body with a character SQS does not allow. */
  static void refuseEntry(String id, int times) {
    java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(times);
    sqs.rewriteRequests(r -> {
      if (r instanceof SendMessageBatchRequest b && left.getAndDecrement() > 0) {
        return b.toBuilder().entries(b.entries().stream()
            .map(e -> e.id().equals(id) ? e.toBuilder().messageBody(e.messageBody() + "\u0000").build() : e).toList()).build();
      }
      return r;
    });
  }

  @Test
  void send_shouldRetryOnlyTheRefusedEntry_whenSqsRefusesPartOfABatchOnce() {
    refuseEntry("t1", 1);
    try {
      dispatcher.send(List.of(Tasks.decision("d0", NOW), Tasks.decision("d1", NOW), Tasks.decision("d2", NOW)));
    } finally {
      sqs.rewriteRequests(null);
    }
    List<SendMessageBatchRequest> batches = sqs.requests(SendMessageBatchRequest.class);
    assertEquals(List.of(3, 1), batches.stream().map(b -> b.entries().size()).toList());
    assertEquals(List.of("d0", "d1", "d2"), receiveAll(decisions, 3).stream().map(OutboxTask::id).sorted().toList());
  }

  @Test
  void send_shouldThrow_whenAnEntryIsStillRefusedAfterItsRetry() {
    refuseEntry("t1", 2);
    try {
      SqsTaskDispatcher.TaskDispatchException e = assertThrows(SqsTaskDispatcher.TaskDispatchException.class,
          () -> dispatcher.send(List.of(Tasks.decision("d0", NOW), Tasks.decision("d1", NOW))));
      assertTrue(e.getMessage().startsWith("1 of 2 task messages could not be sent"), e.getMessage());
    } finally {
      sqs.rewriteRequests(null);
    }
  }

  @Test
  void delaySeconds_shouldRoundUpAndClamp() {
    assertEquals(0, SqsTaskDispatcher.delaySeconds(NOW.minusSeconds(5), NOW));
    assertEquals(1, SqsTaskDispatcher.delaySeconds(NOW.plusMillis(1), NOW));
    assertEquals(900, SqsTaskDispatcher.delaySeconds(NOW.plusSeconds(901), NOW));
    assertTrue(SqsTaskDispatcher.delaySeconds(null, NOW) == 0);
  }
}
