package dev.cairn.tests.support;

import dev.cairn.internal.service.TaskDispatcher;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The decision handler dies between its store commit and its SQS send, once: the first send of an
 * activity task for the chosen workflow throws instead of sending (the commit is already made). A
 * dispatcher decorator.
 */
public final class CrashAfterCommit implements UnaryOperator<TaskDispatcher> {
  private final String workflowId;
  private final AtomicInteger crashes = new AtomicInteger();

  public CrashAfterCommit(String workflowId) {
    this.workflowId = workflowId;
  }

  @Override
  public TaskDispatcher apply(TaskDispatcher dispatcher) {
    return tasks -> {
      if (isFirstActivitySendOfTheRun(tasks) && crashes.compareAndSet(0, 1)) {
        throw new IllegalStateException("injected crash after the commit, before the send, of " + tasks);
      }
      dispatcher.send(tasks);
    };
  }

  private boolean isFirstActivitySendOfTheRun(List<OutboxTask> tasks) {
    return tasks.stream().anyMatch(t -> t.task() instanceof Task.ActivityTask a && a.key().workflowId().equals(workflowId));
  }

  /** How many sends were lost (0 or 1). */
  public int crashes() {
    return crashes.get();
  }
}
