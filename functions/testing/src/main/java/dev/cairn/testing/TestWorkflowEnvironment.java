package dev.cairn.testing;

import dev.cairn.client.WorkflowClient;
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

  /** Runs {@code callback} once test time has advanced by {@code delay}. */
  void registerDelayedCallback(Duration delay, Runnable callback);

  String getDiagnostics();

  void shutdown();

  @Override
  void close();
}
