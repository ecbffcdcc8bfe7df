package dev.cairn.internal.aws;

import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.RetryPolicy;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Task messages as a commit creates them, for the adapters' tests. */
public final class Tasks {
  public static final ExecutionKey KEY = new ExecutionKey("order-1", "run-1");

  private Tasks() {}

  public static OutboxTask decision(String id, Instant visibleAt) {
    return new OutboxTask(id, new Task.DecisionTask(KEY), visibleAt);
  }

  /** An activity task on {@code taskQueue} whose input is a string of {@code inputChars} characters. */
  public static OutboxTask activity(String id, String taskQueue, int inputChars, Instant visibleAt) {
    Task.ActivityTask task = new Task.ActivityTask(KEY, "OrderWorkflow", 5, "5", "Charge", taskQueue, 1,
        GlobalDataConverter.get().toPayloads("x".repeat(inputChars)).orElseThrow(), visibleAt, null, null,
        Duration.ofSeconds(30), null, new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(100), 0, List.of()));
    return new OutboxTask(id, task, visibleAt);
  }

  public static OutboxTask timer(String id, Instant fireAt) {
    return new OutboxTask(id, new Task.TimerTask(KEY, "t-" + id, fireAt), fireAt);
  }
}
