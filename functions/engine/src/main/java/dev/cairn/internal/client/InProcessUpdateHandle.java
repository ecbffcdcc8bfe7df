package dev.cairn.internal.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.client.WorkflowUpdateHandle;
import dev.cairn.internal.service.WorkflowService;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** An accepted update of an in-process run; its result is read from history once the handler recorded it. */
final class InProcessUpdateHandle<T> implements WorkflowUpdateHandle<T> {
  private static final Duration FOREVER = Duration.ofDays(365);
  private final InProcessWorkflowClient client;
  private final WorkflowService.AcceptedUpdate accepted;
  private final String updateName;
  private final Class<T> resultClass;
  private final Type resultType;

  InProcessUpdateHandle(InProcessWorkflowClient client, WorkflowService.AcceptedUpdate accepted, String updateName,
      Class<T> resultClass, Type resultType) {
    this.client = client;
    this.accepted = accepted;
    this.updateName = updateName;
    this.resultClass = resultClass;
    this.resultType = resultType == null ? resultClass : resultType;
  }

  @Override
  public WorkflowExecution getExecution() {
    return client.service.execution(accepted.key());
  }

  @Override
  public String getId() {
    return accepted.updateId();
  }

  @Override
  public T getResult() {
    return result(FOREVER);
  }

  @Override
  public T getResult(long timeout, TimeUnit unit) {
    return result(Duration.ofNanos(unit.toNanos(timeout)));
  }

  /** Waits until the handler returned; true if it did within {@code timeout}. */
  boolean awaitCompletion(Duration timeout) {
    try {
      return client.waiter.await(() -> client.service.updateOutcome(accepted).isPresent(), timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for update " + getId(), e);
    }
  }

  private T result(Duration timeout) {
    if (!awaitCompletion(timeout)) {
      throw new WorkflowUpdateException(getExecution(), getId(), updateName, new java.util.concurrent.TimeoutException(
          "update " + getId() + " did not complete within " + timeout));
    }
    WorkflowService.UpdateOutcome o = client.service.updateOutcome(accepted).orElseThrow();
    if (o.closedBeforeCompletion() != null) {
      throw new WorkflowUpdateException(getExecution(), getId(), updateName, new IllegalStateException(
          "the workflow closed (" + o.closedBeforeCompletion().shortName() + ") before the update handler returned"));
    }
    if (o.failure() != null) {
      throw new WorkflowUpdateException(getExecution(), getId(), updateName,
          client.dataConverter.failureToException(o.failure()));
    }
    return client.dataConverter.fromPayloads(0, Optional.ofNullable(o.result()), resultClass, resultType);
  }
}
