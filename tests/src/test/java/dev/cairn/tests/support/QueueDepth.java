package dev.cairn.tests.support;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What is left in queues, as SQS's approximate counters show it. */
public final class QueueDepth {
  private QueueDepth() {}

  /** Visible + in flight + delayed messages of the queue. */
  public static int of(SqsClient sqs, String queueUrl) {
    Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    return a.values().stream().mapToInt(Integer::parseInt).sum();
  }

  /** The depth of each queue. */
  public static Map<String, Integer> of(SqsClient sqs, Collection<String> queueUrls) {
    Map<String, Integer> depths = new java.util.TreeMap<>();
    queueUrls.forEach(q -> depths.put(q, of(sqs, q)));
    return depths;
  }

  /**
   * Waits until every queue is back to its {@code baseline} depth: the messages sent since were
   * consumed and deleted. (The baseline is what earlier stacks of this JVM left in flight.)
   */
  public static void awaitDrained(SqsClient sqs, Map<String, Integer> baseline, Duration timeout) {
    Poll.until(timeout, "queues to be drained back to " + baseline, () ->
        baseline.entrySet().stream().allMatch(e -> of(sqs, e.getKey()) <= e.getValue()) ? Optional.of(true) : Optional.empty());
  }
}
