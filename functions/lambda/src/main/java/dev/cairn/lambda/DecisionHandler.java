package dev.cairn.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cairn.internal.service.WorkflowService.DecisionFailedException;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the decision queue: one decision per run of the batch however many of its messages
 * arrived (duplicates and events that queued together), runs in parallel; and the child workflow
 * tasks (start a child, record its outcome, cancel it, apply a parent close policy) and the signals and
 * cancel requests one workflow sends another. A decision that fails in
 * workflow code keeps the run open and is retried by a delayed message ({@link DecisionRetryBackoff});
 * any other failure (the store unavailable) is a batch item failure, delivered again by SQS.
 */
public final class DecisionHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger log = LoggerFactory.getLogger(DecisionHandler.class);

  private final CairnRuntime runtime;
  private final TaskBatch batch;

  /** Lambda's constructor: the runtime comes from the function's environment. */
  public DecisionHandler() {
    this(CairnRuntime.fromEnvironment());
  }

  public DecisionHandler(CairnRuntime runtime) {
    this.runtime = runtime;
    this.batch = new TaskBatch(runtime, t -> t instanceof Task.DecisionTask || isChildTask(t));
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return batch.process(event, due -> {
      Map<ExecutionKey, List<ReceivedTask>> byRun = new LinkedHashMap<>();
      List<ReceivedTask> childTasks = new ArrayList<>();
      for (ReceivedTask t : due) {
        if (isChildTask(t.outbox().task())) {
          childTasks.add(t);
        } else {
          byRun.computeIfAbsent(t.outbox().task().key(), k -> new ArrayList<>()).add(t);
        }
      }
      Set<String> failed = new LinkedHashSet<>(TaskBatch.inParallel(childTasks, this::handleChildTask));
      failed.addAll(TaskBatch.inParallel(new ArrayList<>(byRun.entrySet()), e -> decide(e.getKey(), e.getValue())));
      return failed;
    });
  }

  /** A task that works across runs: a child workflow's, or a signal or cancel request to another workflow. */
  private static boolean isChildTask(Task t) {
    return t instanceof Task.StartChildTask || t instanceof Task.ChildClosedTask || t instanceof Task.CancelChildTask
        || t instanceof Task.ParentClosedTask || isExternalTask(t);
  }

  private static boolean isExternalTask(Task t) {
    return t instanceof Task.SignalExternalTask || t instanceof Task.CancelExternalTask;
  }

  /** Child and external workflow tasks are idempotent; any failure is retried by SQS. */
  private Set<String> handleChildTask(ReceivedTask t) {
    try {
      if (isExternalTask(t.outbox().task())) {
        runtime.service().handleExternalTask(t.outbox().task());
      } else {
        runtime.service().handleChildTask(t.outbox().task());
      }
      return Set.of();
    } catch (RuntimeException e) {
      log.error("cross-run task {} could not run; SQS will deliver it again", t.outbox().task(), e);
      return Set.of(t.messageId());
    }
  }

  /** Returns the ids of the run's messages if they must be delivered again, else none. */
  private Set<String> decide(ExecutionKey key, List<ReceivedTask> messages) {
    try {
      runtime.service().handleDecisionTask(key);
      return Set.of();
    } catch (DecisionFailedException e) {
      return retryLater(key, messages);
    } catch (RuntimeException e) {
      log.error("decision for {} could not run; SQS will deliver it again", key, e);
      return ids(messages);
    }
  }

  /**
   * The service logged the failure and counted it on the run. Its decision stays pending, so no new
   * event queues another one: this delayed task is what brings the run back.
   */
  private Set<String> retryLater(ExecutionKey key, List<ReceivedTask> messages) {
    try {
      int failures = runtime.store().get(key).map(ExecutionRecord::state).map(s -> s.decisionFailures()).orElse(1);
      Duration delay = DecisionRetryBackoff.after(failures);
      Instant due = runtime.clock().instant().plus(delay);
      runtime.dispatcher().send(List.of(new OutboxTask(runtime.ids().get(), new Task.DecisionTask(key), due)));
      log.warn("decision for {} failed {} time(s) in a row; the run stays open and is tried again in {}", key, failures,
          delay);
      return Set.of();
    } catch (RuntimeException e) {
      log.error("could not schedule the retry of the failed decision for {}; SQS will deliver it again", key, e);
      return ids(messages);
    }
  }

  private static Set<String> ids(List<ReceivedTask> messages) {
    Set<String> ids = new LinkedHashSet<>();
    messages.forEach(m -> ids.add(m.messageId()));
    return ids;
  }
}
