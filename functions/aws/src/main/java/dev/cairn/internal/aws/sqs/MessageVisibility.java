package dev.cairn.internal.aws.sqs;

import java.time.Duration;

/**
 * Changes how long a received message stays invisible: an activity attempt holds its message for
 * its timeout, so the message comes back (and the attempt is retried) only if the attempt crashed or
 * ran out of time (invariant 6).
 */
public interface MessageVisibility {
  /** SQS's maximum visibility timeout. */
  Duration MAX = Duration.ofHours(12);

  /**
   * @param eventSourceArn the queue's ARN, as Lambda's SQS event names it
   * @param timeout from now; clamped to SQS's 0..12 hours
   */
  void change(String eventSourceArn, String receiptHandle, Duration timeout);

  /** For runtimes without a queue (unit tests): does nothing. */
  MessageVisibility NONE = (arn, handle, timeout) -> { };
}
