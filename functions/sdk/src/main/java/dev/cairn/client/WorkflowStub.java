package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.internal.spi.StubSupport;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A workflow addressed by id (and run id), used without its interface: Temporal's untyped stub. */
public interface WorkflowStub {

  /** The untyped stub behind a typed one. */
  static WorkflowStub fromTyped(Object typed) {
    return StubSupport.untyped(typed);
  }

  WorkflowExecution start(Object... args);

  WorkflowExecution signalWithStart(String signalName, Object[] signalArgs, Object[] startArgs);

  WorkflowExecution getExecution();

  Optional<String> getWorkflowType();

  <R> R getResult(Class<R> resultClass);

  <R> R getResult(Class<R> resultClass, Type resultType);

  <R> R getResult(long timeout, TimeUnit unit, Class<R> resultClass) throws TimeoutException;

  <R> R getResult(long timeout, TimeUnit unit, Class<R> resultClass, Type resultType) throws TimeoutException;

  <R> CompletableFuture<R> getResultAsync(Class<R> resultClass);

  void signal(String signalName, Object... args);

  /**
   * Asks the workflow for state: its query handler runs on a replay of the run, writing nothing.
   * Closed runs answer too.
   *
   * @throws WorkflowQueryException when the query type is unknown (the cause lists the known ones)
   *     or the handler fails
   */
  <R> R query(String queryType, Class<R> resultClass, Object... args);

  <R> R query(String queryType, Class<R> resultClass, Type resultType, Object... args);

  /**
   * Sends an update and waits for its handler's result. The validator, if any, runs first; a
   * rejected update leaves no trace in history.
   *
   * @throws WorkflowUpdateException when the validator rejects the update or the handler fails
   */
  <R> R update(String updateName, Class<R> resultClass, Object... args);

  void cancel();

  void cancel(String reason);

  void terminate(String reason, Object... details);
}
