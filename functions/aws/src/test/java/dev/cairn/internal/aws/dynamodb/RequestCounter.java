package dev.cairn.internal.aws.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the DynamoDB requests a client sends, by operation (what DynamoDB bills per request). */
final class RequestCounter implements ExecutionInterceptor {
  private final Map<String, Integer> counts = new TreeMap<>();

  @Override
  public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    counts.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
  }

  /** The counts since the last call, and starts again from zero. */
  synchronized Map<String, Integer> take() {
    Map<String, Integer> out = new TreeMap<>(counts);
    counts.clear();
    return out;
  }
}
