package dev.cairn.internal.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.internal.aws.LoopbackS3;
import dev.cairn.internal.aws.LoopbackSqs;
import dev.cairn.internal.aws.Tasks;
import dev.cairn.internal.aws.sqs.QueueRoutes;
import dev.cairn.internal.aws.sqs.SqsTaskDispatcher;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.PayloadTooLargeException;
import dev.cairn.internal.store.StoreJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

class PayloadOffloadTest {
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  static final int MAX = 1024 * 1024;

  @TempDir
  static Path dir;
  static LoopbackS3 s3;
  static LoopbackSqs sqs;
  static String bucket;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LoopbackS3(dir);
    sqs = new LoopbackSqs();
    bucket = s3.createBucket("cairn-payloads");
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      sqs.close();
    } finally {
      s3.close();
    }
  }

  PayloadOffload offload() {
    return new PayloadOffload(s3.client(), bucket, PayloadOffload.SQS_MESSAGE_LIMIT, MAX);
  }

  @Test
  void toMessageBody_shouldGoThroughS3AndComeBackWhole_whenATaskIs300KB() {
    String activities = sqs.createQueue("offload-activities");
    SqsTaskDispatcher dispatcher = new SqsTaskDispatcher(sqs.client(),
        new QueueRoutes(sqs.createQueue("offload-decisions"), sqs.createQueue("offload-timers"), activities), offload(),
        Clock.fixed(NOW, ZoneOffset.UTC));
    OutboxTask big = Tasks.activity("big", "orders", 300 * 1024, NOW);

    dispatcher.send(List.of(big));

    List<Message> received = sqs.client().receiveMessage(b -> b.queueUrl(activities).waitTimeSeconds(5)).messages();
    assertEquals(1, received.size());
    String body = received.get(0).body();
    assertTrue(body.length() < 1024, "the message carries a pointer, not the task: " + body);
    assertTrue(body.contains("\"s3\""), body);
    String resolved = offload().fromMessageBody(body);
    assertEquals(StoreJson.taskToJson(big), resolved);
    assertEquals(big, StoreJson.taskFromJson(resolved));
  }

  @Test
  void toMessageBody_shouldKeepTheBodyInline_whenItFits() {
    String body = StoreJson.taskToJson(Tasks.activity("small", "orders", 1000, NOW));
    assertEquals(body, offload().toMessageBody("messages/small.json", body));
    assertEquals(body, offload().fromMessageBody(body));
  }

  @Test
  void toMessageBody_shouldRefuseWithPayloadTooLarge_whenOverTheMaximum() {
    String body = StoreJson.taskToJson(Tasks.activity("huge", "orders", MAX + 1, NOW));
    PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class,
        () -> offload().toMessageBody("messages/huge.json", body));
    assertEquals(MAX, e.limit());
    assertTrue(e.size() > MAX);
    assertFalse(s3.client().listObjectsV2(b -> b.bucket(bucket)).contents().stream()
        .anyMatch(o -> o.key().equals("messages/huge.json")), "nothing stored for a refused payload");
  }

  @Test
  void toMessageBody_shouldRefuse_whenOverTheMessageLimitAndNoBucketIsConfigured() {
    String body = "x".repeat(5000);
    PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class,
        () -> PayloadOffload.inlineOnly(4096).toMessageBody("k", body));
    assertEquals(4096, e.limit());
    assertEquals(body.getBytes(StandardCharsets.UTF_8).length, e.size());
  }

  @Test
  void toMessageBody_shouldOffloadAtTheConfiguredLimit_whenALowerLimitIsSet() {
    PayloadOffload small = new PayloadOffload(s3.client(), bucket, 4096, MAX);
    String body = StoreJson.taskToJson(Tasks.activity("five-k", "orders", 5000, NOW));
    String message = small.toMessageBody("messages/five-k.json", body);
    assertTrue(message.length() < 4096, message);
    assertEquals(body, small.fromMessageBody(message));
  }
}
