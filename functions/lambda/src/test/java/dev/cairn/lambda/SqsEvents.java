package dev.cairn.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.StoreJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQS events as Lambda delivers them, read from the JSON fixtures under events/. Lambda's own names
 * ({@code Records}, {@code eventSourceARN}) differ from the event classes' setters only in case.
 */
final class SqsEvents {
  private static final ObjectMapper LAMBDA_JSON = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private SqsEvents() {}

  static SQSEvent fixture(String name) {
    try (InputStream in = SqsEvents.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture events/" + name);
      }
      return LAMBDA_JSON.readValue(in, SQSEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A delivery of {@code task}: the fixture message with this body, id and receive count. */
  static SQSMessage delivery(OutboxTask task, String messageId, int receiveCount, Instant firstReceived) {
    SQSMessage m = fixture("sqs-task-message.json").getRecords().get(0);
    m.setBody(StoreJson.taskToJson(task));
    m.setMessageId(messageId);
    m.setReceiptHandle("receipt-" + messageId + "-" + receiveCount);
    Map<String, String> attributes = new HashMap<>(m.getAttributes());
    attributes.put("ApproximateReceiveCount", String.valueOf(receiveCount));
    attributes.put("ApproximateFirstReceiveTimestamp", String.valueOf(firstReceived.toEpochMilli()));
    m.setAttributes(attributes);
    return m;
  }

  static SQSMessage delivery(OutboxTask task, String messageId, Instant now) {
    return delivery(task, messageId, 1, now);
  }

  static SQSEvent batch(SQSMessage... messages) {
    SQSEvent e = new SQSEvent();
    e.setRecords(Arrays.asList(messages));
    return e;
  }

  static SQSEvent batch(List<SQSMessage> messages) {
    return batch(messages.toArray(SQSMessage[]::new));
  }
}
