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

  default <R> R getResult(Class<R> resultClass) {
    return getResult(resultClass, resultClass);
  }

  /** Waits for the result with no practical limit (a year). */
  default <R> R getResult(Class<R> resultClass, Type resultType) {
    try {
      return getResult(365, TimeUnit.DAYS, resultClass, resultType);
    } catch (TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  default <R> R getResult(long timeout, TimeUnit unit, Class<R> resultClass) throws TimeoutException {
    return getResult(timeout, unit, resultClass, resultClass);
  }

  <R> R getResult(long timeout, TimeUnit unit, Class<R> resultClass, Type resultType) throws TimeoutException;

  default <R> CompletableFuture<R> getResultAsync(Class<R> resultClass) {
    return CompletableFuture.supplyAsync(() -> getResult(resultClass));
  }

  void signal(String signalName, Object... args);

  /**
   * Asks the workflow for state: its query handler runs on a replay of the run, writing nothing.
   * Closed runs answer too.
   *
   * @throws WorkflowQueryException when the query type is unknown (the cause lists the known ones)
   *     or the handler fails
   */
  default <R> R query(String queryType, Class<R> resultClass, Object... args) {
    return query(queryType, resultClass, resultClass, args);
  }

  <R> R query(String queryType, Class<R> resultClass, Type resultType, Object... args);

  /**
   * Sends an update and waits for its handler's result. The validator, if any, runs first; a
   * rejected update leaves no trace in history.
   *
   * @throws WorkflowUpdateException when the validator rejects the update or the handler fails
   */
  default <R> R update(String updateName, Class<R> resultClass, Object... args) {
    return startUpdate(UpdateOptions.newBuilder(resultClass).setResultType(resultClass).setUpdateName(updateName)
        .setWaitForStage(WorkflowUpdateStage.COMPLETED).build(), args).getResult();
  }

  /**
   * Sends an update and returns once it reached {@code waitForStage}; the handle gives its result.
   *
   * @throws WorkflowUpdateException when the validator rejects the update or the workflow has no such update
   */
  default <R> WorkflowUpdateHandle<R> startUpdate(String updateName, WorkflowUpdateStage waitForStage,
      Class<R> resultClass, Object... args) {
    return startUpdate(UpdateOptions.newBuilder(resultClass).setUpdateName(updateName).setWaitForStage(waitForStage)
        .build(), args);
  }

  /**
   * The form of Temporal's SDKs before the stage became a parameter (Temporal's CommandProcessor
   * sample still calls it): waits until the update is accepted, as {@code ACCEPTED} does.
   */
  default <R> WorkflowUpdateHandle<R> startUpdate(String updateName, Class<R> resultClass, Object... args) {
    return startUpdate(updateName, WorkflowUpdateStage.ACCEPTED, resultClass, args);
  }

  /** As {@link #startUpdate(String, WorkflowUpdateStage, Class, Object...)}, with an update id of the caller's. */
  // Defaults so that other clients (e.g. over HTTP) compile before they support update handles.
  default <R> WorkflowUpdateHandle<R> startUpdate(UpdateOptions<R> options, Object... args) {
    throw new UnsupportedOperationException("startUpdate is not supported by this client");
  }

  /**
   * Update-with-start on a stub made with WorkflowOptions: starts the workflow with {@code startArgs}
   * unless a run with its id is open, then sends the update to the run. The options must set a
   * WorkflowIdConflictPolicy (USE_EXISTING sends the update to an open run; FAIL throws
   * {@link WorkflowExecutionAlreadyStarted}).
   *
   * @throws WorkflowUpdateException when the validator rejects the update (the workflow has started)
   */
  default <R> WorkflowUpdateHandle<R> startUpdateWithStart(UpdateOptions<R> options, Object[] updateArgs,
      Object[] startArgs) {
    throw new UnsupportedOperationException("update-with-start is not supported by this client");
  }

  /** As {@link #startUpdateWithStart}, waiting for the update handler's result. */
  default <R> R executeUpdateWithStart(UpdateOptions<R> options, Object[] updateArgs, Object[] startArgs) {
    UpdateOptions<R> completed = UpdateOptions.newBuilder(options).setWaitForStage(WorkflowUpdateStage.COMPLETED).build();
    return startUpdateWithStart(completed, updateArgs, startArgs).getResult();
  }

  /** A handle to an update sent earlier, by its id. */
  default <R> WorkflowUpdateHandle<R> getUpdateHandle(String updateId, Class<R> resultClass) {
    return getUpdateHandle(updateId, resultClass, resultClass);
  }

  default <R> WorkflowUpdateHandle<R> getUpdateHandle(String updateId, Class<R> resultClass, Type resultType) {
    throw new UnsupportedOperationException("getUpdateHandle is not supported by this client");
  }

  /**
   * The run this stub addresses, as the engine records it: status, times, history length, memo,
   * search attributes and pending activities. A stub that started a run describes that run (after a
   * continue-as-new it shows CONTINUED_AS_NEW); a stub made by workflow id alone describes the latest run.
   *
   * @throws WorkflowNotFoundException when there is no such workflow or run
   */
  default WorkflowExecutionDescription describe() {
    throw new UnsupportedOperationException("describe is not supported by this client");
  }

  default void cancel() {
    cancel(null);
  }

  void cancel(String reason);

  void terminate(String reason, Object... details);
}
