package dev.cairn.internal.aws.sqs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ChangeMessageVisibility on the queue a Lambda SQS event came from. The queue's URL is found from
 * the ARN's last part among the configured routes (no request, no extra permission), else by
 * GetQueueUrl once per queue.
 */
public final class SqsMessageVisibility implements MessageVisibility {
  private final SqsClient sqs;
  private final QueueRoutes routes;
  private final Map<String, String> urlsByArn = new ConcurrentHashMap<>();

  public SqsMessageVisibility(SqsClient sqs, QueueRoutes routes) {
    this.sqs = sqs;
    this.routes = routes;
  }

  @Override
  public void change(String eventSourceArn, String receiptHandle, Duration timeout) {
    long seconds = Math.max(0, Math.min(MAX.toSeconds(), timeout.toSeconds() + (timeout.getNano() > 0 ? 1 : 0)));
    String url = urlsByArn.computeIfAbsent(eventSourceArn, this::queueUrl);
    sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(receiptHandle).visibilityTimeout((int) seconds));
  }

  private String queueUrl(String arn) {
    String name = arn.substring(arn.lastIndexOf(':') + 1);
    return routes.urlOfQueueNamed(name).orElseGet(() -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
  }
}
