package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.internal.spi.StubSupport;
import dev.cairn.workflow.Functions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts, signals, queries and waits for workflows. The same interface reaches an engine in
 * process (tests, embedded mode) or over the HTTP API, so application code does not change.
 */
public interface WorkflowClient {

  /** A client on {@code service}: embedded engine or HTTP API, as its options say. */
  static WorkflowClient newInstance(dev.cairn.serviceclient.WorkflowServiceStubs service) {
    return newInstance(service, WorkflowClientOptions.getDefaultInstance());
  }

  static WorkflowClient newInstance(dev.cairn.serviceclient.WorkflowServiceStubs service, WorkflowClientOptions options) {
    if (!(service instanceof dev.cairn.internal.spi.ClientFactory factory)) {
      throw new IllegalArgumentException("pass stubs of WorkflowServiceStubs.newServiceStubs, got " + service);
    }
    return factory.newClient(options == null ? WorkflowClientOptions.getDefaultInstance() : options);
  }

  /** The options this client was made with: namespace, data converter, identity. */
  WorkflowClientOptions getOptions();

  /** The stubs this client was made on (for the test environment's client, the environment's own). */
  dev.cairn.serviceclient.WorkflowServiceStubs getWorkflowServiceStubs();

  <T> T newWorkflowStub(Class<T> workflowInterface, WorkflowOptions options);

  /** A stub of an existing workflow, for signals, queries and results. */
  <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId);

  <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId, Optional<String> runId);

  WorkflowStub newUntypedWorkflowStub(String workflowType, WorkflowOptions options);

  WorkflowStub newUntypedWorkflowStub(String workflowId);

  WorkflowStub newUntypedWorkflowStub(String workflowId, Optional<String> runId, Optional<String> workflowType);

  ActivityCompletionClient newActivityCompletionClient();

  /**
   * A request that starts a workflow and signals it in one step (or only signals it when it runs
   * already): add the stub's workflow method and one of its signal methods, then pass it to
   * {@link #signalWithStart(BatchRequest)}.
   */
  BatchRequest newSignalWithStartRequest();

  /** Runs a request of {@link #newSignalWithStartRequest()}; returns the run that got the signal. */
  WorkflowExecution signalWithStart(BatchRequest signalWithStartBatch);

  /** The latest run's history, as JSON that {@code WorkflowReplayer} reads back. */
  dev.cairn.common.WorkflowExecutionHistory fetchHistory(String workflowId);

  dev.cairn.common.WorkflowExecutionHistory fetchHistory(String workflowId, String runId);

  /**
   * The runs matching a visibility query, newest first: every run is listed, so a workflow that
   * continued as new or runs on a cron schedule shows one entry per run. The query is Temporal's
   * list filter subset: {@code Field = 'value'} clauses joined by {@code AND}, on {@code WorkflowId},
   * {@code WorkflowType}, {@code ExecutionStatus} ({@code Running}, {@code ContinuedAsNew}, ...) or a
   * search attribute's name; null or blank lists all.
   *
   * @throws IllegalArgumentException when the query is not of that form
   */
  default java.util.stream.Stream<WorkflowExecutionMetadata> listExecutions(String query) {
    throw new UnsupportedOperationException("listExecutions is not supported by this client");
  }

  /**
   * How many runs {@link #listExecutions(String)} would list for {@code query} (every run of a
   * workflow that continued as new counts). Temporal's {@code GROUP BY} is not supported.
   *
   * @throws IllegalArgumentException when the query is not of listExecutions' form
   */
  default WorkflowExecutionCount countWorkflows(String query) {
    try (java.util.stream.Stream<WorkflowExecutionMetadata> runs = listExecutions(query)) {
      return new WorkflowExecutionCount(runs.count());
    }
  }

  /** Starts the workflow a typed stub's method names, without waiting: {@code start(stub::run, arg)}. */
  static WorkflowExecution start(Functions.Proc workflow) {
    return StubSupport.start(workflow, workflow::apply);
  }

  static <A1> WorkflowExecution start(Functions.Proc1<A1> workflow, A1 a1) {
    return StubSupport.start(workflow, () -> workflow.apply(a1));
  }

  static <A1, A2> WorkflowExecution start(Functions.Proc2<A1, A2> workflow, A1 a1, A2 a2) {
    return StubSupport.start(workflow, () -> workflow.apply(a1, a2));
  }

  static <A1, A2, A3> WorkflowExecution start(Functions.Proc3<A1, A2, A3> workflow, A1 a1, A2 a2, A3 a3) {
    return StubSupport.start(workflow, () -> workflow.apply(a1, a2, a3));
  }

  static <R> WorkflowExecution start(Functions.Func<R> workflow) {
    return StubSupport.start(workflow, workflow::apply);
  }

  static <A1, R> WorkflowExecution start(Functions.Func1<A1, R> workflow, A1 a1) {
    return StubSupport.start(workflow, () -> workflow.apply(a1));
  }

  static <A1, A2, R> WorkflowExecution start(Functions.Func2<A1, A2, R> workflow, A1 a1, A2 a2) {
    return StubSupport.start(workflow, () -> workflow.apply(a1, a2));
  }

  static <A1, A2, A3, R> WorkflowExecution start(Functions.Func3<A1, A2, A3, R> workflow, A1 a1, A2 a2, A3 a3) {
    return StubSupport.start(workflow, () -> workflow.apply(a1, a2, a3));
  }

  static CompletableFuture<Void> execute(Functions.Proc workflow) {
    return StubSupport.execute(workflow, workflow::apply);
  }

  static <A1> CompletableFuture<Void> execute(Functions.Proc1<A1> workflow, A1 a1) {
    return StubSupport.execute(workflow, () -> workflow.apply(a1));
  }

  static <R> CompletableFuture<R> execute(Functions.Func<R> workflow) {
    return StubSupport.execute(workflow, workflow::apply);
  }

  static <A1, R> CompletableFuture<R> execute(Functions.Func1<A1, R> workflow, A1 a1) {
    return StubSupport.execute(workflow, () -> workflow.apply(a1));
  }

  static <A1, A2, R> CompletableFuture<R> execute(Functions.Func2<A1, A2, R> workflow, A1 a1, A2 a2) {
    return StubSupport.execute(workflow, () -> workflow.apply(a1, a2));
  }

  /**
   * Sends an update through a typed stub's update method ({@code startUpdate(stub::addItem, item, options)})
   * and returns once it reached the options' stage. The update's name and result type come from the method.
   *
   * @throws WorkflowUpdateException when the validator rejects the update
   */
  static <R> WorkflowUpdateHandle<R> startUpdate(Functions.Func<R> updateMethod, UpdateOptions<R> options) {
    return TypedUpdates.startUpdate(updateMethod, updateMethod::apply, options);
  }

  static <R> WorkflowUpdateHandle<R> startUpdate(Functions.Func<R> updateMethod, WorkflowUpdateStage waitForStage) {
    return TypedUpdates.startUpdate(updateMethod, updateMethod::apply, UpdateOptions.<R>newBuilder().setWaitForStage(waitForStage).build());
  }

  static <A1, R> WorkflowUpdateHandle<R> startUpdate(Functions.Func1<A1, R> updateMethod, A1 a1, UpdateOptions<R> options) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1), options);
  }

  static <A1, R> WorkflowUpdateHandle<R> startUpdate(Functions.Func1<A1, R> updateMethod, A1 a1, WorkflowUpdateStage waitForStage) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1), UpdateOptions.<R>newBuilder().setWaitForStage(waitForStage).build());
  }

  static <A1, A2, R> WorkflowUpdateHandle<R> startUpdate(Functions.Func2<A1, A2, R> updateMethod, A1 a1, A2 a2, UpdateOptions<R> options) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1, a2), options);
  }

  static <A1, A2, R> WorkflowUpdateHandle<R> startUpdate(Functions.Func2<A1, A2, R> updateMethod, A1 a1, A2 a2, WorkflowUpdateStage waitForStage) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1, a2), UpdateOptions.<R>newBuilder().setWaitForStage(waitForStage).build());
  }

  static <A1, A2, A3, R> WorkflowUpdateHandle<R> startUpdate(Functions.Func3<A1, A2, A3, R> updateMethod, A1 a1, A2 a2, A3 a3, UpdateOptions<R> options) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1, a2, a3), options);
  }

  static <A1, A2, A3, R> WorkflowUpdateHandle<R> startUpdate(Functions.Func3<A1, A2, A3, R> updateMethod, A1 a1, A2 a2, A3 a3, WorkflowUpdateStage waitForStage) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1, a2, a3), UpdateOptions.<R>newBuilder().setWaitForStage(waitForStage).build());
  }

  static <R> WorkflowUpdateHandle<R> startUpdate(Functions.Proc updateMethod, UpdateOptions<R> options) {
    return TypedUpdates.startUpdate(updateMethod, updateMethod::apply, options);
  }

  static <R> WorkflowUpdateHandle<R> startUpdate(Functions.Proc updateMethod, WorkflowUpdateStage waitForStage) {
    return TypedUpdates.startUpdate(updateMethod, updateMethod::apply, UpdateOptions.<R>newBuilder().setWaitForStage(waitForStage).build());
  }

  static <A1, R> WorkflowUpdateHandle<R> startUpdate(Functions.Proc1<A1> updateMethod, A1 a1, UpdateOptions<R> options) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1), options);
  }

  static <A1, R> WorkflowUpdateHandle<R> startUpdate(Functions.Proc1<A1> updateMethod, A1 a1, WorkflowUpdateStage waitForStage) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1), UpdateOptions.<R>newBuilder().setWaitForStage(waitForStage).build());
  }

  static <A1, A2, R> WorkflowUpdateHandle<R> startUpdate(Functions.Proc2<A1, A2> updateMethod, A1 a1, A2 a2, UpdateOptions<R> options) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1, a2), options);
  }

  static <A1, A2, R> WorkflowUpdateHandle<R> startUpdate(Functions.Proc2<A1, A2> updateMethod, A1 a1, A2 a2, WorkflowUpdateStage waitForStage) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1, a2), UpdateOptions.<R>newBuilder().setWaitForStage(waitForStage).build());
  }

  static <A1, A2, A3, R> WorkflowUpdateHandle<R> startUpdate(Functions.Proc3<A1, A2, A3> updateMethod, A1 a1, A2 a2, A3 a3, UpdateOptions<R> options) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1, a2, a3), options);
  }

  static <A1, A2, A3, R> WorkflowUpdateHandle<R> startUpdate(Functions.Proc3<A1, A2, A3> updateMethod, A1 a1, A2 a2, A3 a3, WorkflowUpdateStage waitForStage) {
    return TypedUpdates.startUpdate(updateMethod, () -> updateMethod.apply(a1, a2, a3), UpdateOptions.<R>newBuilder().setWaitForStage(waitForStage).build());
  }

  /**
   * Update-with-start: starts the workflow of {@code startOperation} unless a run with its id is open,
   * then sends the update to the run (the new one, or the open one with conflict policy USE_EXISTING;
   * FAIL throws {@link WorkflowExecutionAlreadyStarted}). The stub's WorkflowOptions must set a
   * WorkflowIdConflictPolicy. Returns once the update reached the options' stage; an update id of the
   * caller's makes a retried call the same update.
   *
   * @throws WorkflowUpdateException when the validator rejects the update (the workflow has started)
   */
  static <R> WorkflowUpdateHandle<R> startUpdateWithStart(Functions.Func<R> updateMethod, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, updateMethod::apply, options, startOperation);
  }

  static <A1, R> WorkflowUpdateHandle<R> startUpdateWithStart(Functions.Func1<A1, R> updateMethod, A1 a1, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1), options, startOperation);
  }

  static <A1, A2, R> WorkflowUpdateHandle<R> startUpdateWithStart(Functions.Func2<A1, A2, R> updateMethod, A1 a1, A2 a2, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1, a2), options, startOperation);
  }

  static <A1, A2, A3, R> WorkflowUpdateHandle<R> startUpdateWithStart(Functions.Func3<A1, A2, A3, R> updateMethod, A1 a1, A2 a2, A3 a3, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1, a2, a3), options, startOperation);
  }

  static <R> WorkflowUpdateHandle<R> startUpdateWithStart(Functions.Proc updateMethod, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, updateMethod::apply, options, startOperation);
  }

  static <A1, R> WorkflowUpdateHandle<R> startUpdateWithStart(Functions.Proc1<A1> updateMethod, A1 a1, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1), options, startOperation);
  }

  static <A1, A2, R> WorkflowUpdateHandle<R> startUpdateWithStart(Functions.Proc2<A1, A2> updateMethod, A1 a1, A2 a2, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1, a2), options, startOperation);
  }

  static <A1, A2, A3, R> WorkflowUpdateHandle<R> startUpdateWithStart(Functions.Proc3<A1, A2, A3> updateMethod, A1 a1, A2 a2, A3 a3, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1, a2, a3), options, startOperation);
  }

  /** As {@code startUpdateWithStart}, waiting for the update handler's result. */
  static <R> R executeUpdateWithStart(Functions.Func<R> updateMethod, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, updateMethod::apply, completed(options), startOperation).getResult();
  }

  static <A1, R> R executeUpdateWithStart(Functions.Func1<A1, R> updateMethod, A1 a1, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1), completed(options), startOperation).getResult();
  }

  static <A1, A2, R> R executeUpdateWithStart(Functions.Func2<A1, A2, R> updateMethod, A1 a1, A2 a2, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1, a2), completed(options), startOperation).getResult();
  }

  static <A1, A2, A3, R> R executeUpdateWithStart(Functions.Func3<A1, A2, A3, R> updateMethod, A1 a1, A2 a2, A3 a3, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1, a2, a3), completed(options), startOperation).getResult();
  }

  static <R> R executeUpdateWithStart(Functions.Proc updateMethod, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, updateMethod::apply, completed(options), startOperation).getResult();
  }

  static <A1, R> R executeUpdateWithStart(Functions.Proc1<A1> updateMethod, A1 a1, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1), completed(options), startOperation).getResult();
  }

  static <A1, A2, R> R executeUpdateWithStart(Functions.Proc2<A1, A2> updateMethod, A1 a1, A2 a2, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1, a2), completed(options), startOperation).getResult();
  }

  static <A1, A2, A3, R> R executeUpdateWithStart(Functions.Proc3<A1, A2, A3> updateMethod, A1 a1, A2 a2, A3 a3, UpdateOptions<R> options,
      WithStartWorkflowOperation<?> startOperation) {
    return TypedUpdates.startUpdateWithStart(updateMethod, () -> updateMethod.apply(a1, a2, a3), completed(options), startOperation).getResult();
  }

  private static <R> UpdateOptions<R> completed(UpdateOptions<R> options) {
    return (options == null ? UpdateOptions.<R>newBuilder() : options.toBuilder())
        .setWaitForStage(WorkflowUpdateStage.COMPLETED).build();
  }
}
