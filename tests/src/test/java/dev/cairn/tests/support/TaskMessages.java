package dev.cairn.tests.support;

import dev.cairn.internal.aws.sqs.SqsTaskDispatcher;
import dev.cairn.internal.service.TaskDispatcher;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.StoreJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Records every task message the runtime sends to SQS (queue URL and body, as the SQS dispatcher
 * writes them), so a test can deliver copies again. A dispatcher decorator.
 */
public final class TaskMessages implements UnaryOperator<TaskDispatcher> {
  /** A message as it went to its queue. */
  public record Sent(String queueUrl, String body, OutboxTask task) {}

  private final List<Sent> sent = new ArrayList<>();

  @Override
  public TaskDispatcher apply(TaskDispatcher dispatcher) {
    SqsTaskDispatcher sqs = (SqsTaskDispatcher) dispatcher;
    return tasks -> {
      sqs.send(tasks);
      synchronized (sent) {
        for (OutboxTask t : tasks) {
          sent.add(new Sent(sqs.routes().urlFor(t.task()), StoreJson.taskToJson(t), t));
        }
      }
    };
  }

  /** The messages sent so far for runs of {@code workflowId}. */
  public List<Sent> of(String workflowId) {
    synchronized (sent) {
      return new ArrayList<>(sent.stream().filter(s -> s.task().task().key().workflowId().equals(workflowId)).toList());
    }
  }
}
