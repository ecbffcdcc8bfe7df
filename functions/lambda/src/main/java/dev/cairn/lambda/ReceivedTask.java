package dev.cairn.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cairn.internal.store.OutboxTask;
import java.time.Instant;
import java.util.Map;

/** A task read from an SQS message, with what SQS says about its delivery. */
record ReceivedTask(SQSMessage message, OutboxTask outbox) {

  String messageId() {
    return message.getMessageId();
  }

  /** 1 on the first delivery; more when an earlier delivery was not acknowledged in time. */
  int receiveCount() {
    return intAttribute("ApproximateReceiveCount", 1);
  }

  /** When SQS first delivered the message, if it says. */
  Instant firstReceived() {
    String v = attributes().get("ApproximateFirstReceiveTimestamp");
    return v == null ? null : Instant.ofEpochMilli(Long.parseLong(v));
  }

  private int intAttribute(String name, int otherwise) {
    String v = attributes().get(name);
    return v == null ? otherwise : Integer.parseInt(v);
  }

  private Map<String, String> attributes() {
    return message.getAttributes() == null ? Map.of() : message.getAttributes();
  }
}
