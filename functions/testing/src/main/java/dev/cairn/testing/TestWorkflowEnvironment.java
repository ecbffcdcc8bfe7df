package dev.cairn.testing;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.WorkflowClient;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;
import java.time.Duration;

/**
 * The whole engine in memory, with time skipping: while a test waits for a workflow result and
 * nothing runs, time jumps to the next timer, so a workflow that sleeps a month completes at once.
 * Temporal's {@code TestWorkflowEnvironment}, on Cairn's own engine.
 */
public interface TestWorkflowEnvironment extends AutoCloseable {

  static TestWorkflowEnvironment newInstance() {
    return new InMemoryTestEnvironment(TestEnvironmentOptions.getDefaultInstance());
  }

  static TestWorkflowEnvironment newInstance(TestEnvironmentOptions options) {
    return new InMemoryTestEnvironment(options);
  }

  Worker newWorker(String taskQueue);

  Worker newWorker(String taskQueue, WorkerOptions options);

  WorkflowClient getWorkflowClient();

  /** Starts the workers; idempotent. */
  void start();

  /** Advances test time by {@code duration}, firing what falls due on the way. */
  void sleep(Duration duration);

  long currentTimeMillis();

  String getNamespace();

  /** The stubs of this environment's service (its client's); shutting them down closes the environment. */
  dev.cairn.serviceclient.WorkflowServiceStubs getWorkflowServiceStubs();

  /** Runs {@code callback} once test time has advanced by {@code delay}. */
  void registerDelayedCallback(Duration delay, Runnable callback);

  /** The runtime's state, for a failing test's report. */
  String getDiagnostics();

  /** The history of a run, as {@code WorkflowClient.fetchHistory} returns it. */
  default WorkflowExecutionHistory getWorkflowExecutionHistory(WorkflowExecution execution) {
    return getWorkflowClient().fetchHistory(execution.getWorkflowId(),
        execution.getRunId() == null || execution.getRunId().isEmpty() ? null : execution.getRunId());
  }

  boolean isStarted();

  /** Stops the engine; safe to call more than once. */
  void shutdown();

  @Override
  void close();
}
