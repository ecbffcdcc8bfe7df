package dev.cairn.testing;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowClientOptions;
import dev.cairn.internal.client.InProcessWorkflowClient;
import dev.cairn.internal.testservice.TestRuntime;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link TestWorkflowEnvironment} on the in-memory test runtime. */
final class InMemoryTestEnvironment implements TestWorkflowEnvironment {
  private final TestRuntime runtime;
  private final InProcessWorkflowClient client;
  private final String namespace;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final WorkflowServiceStubs stubs;

  InMemoryTestEnvironment(TestEnvironmentOptions options) {
    this.namespace = options.getNamespace();
    Instant initialTime = options.getInitialTimeMillis() == 0 ? Instant.now() : Instant.ofEpochMilli(options.getInitialTimeMillis());
    this.runtime = new TestRuntime(namespace, options.getDataConverter(), initialTime);
    boolean skipTime = options.isUseTimeskipping();
    this.stubs = new TestEnvironmentServiceStubs(this, closed::get);
    this.client = new InProcessWorkflowClient(runtime.service(),
        WorkflowClientOptions.newBuilder().setNamespace(namespace).setDataConverter(options.getDataConverter()).build(),
        stubs, (done, timeout) -> runtime.await(done, timeout, skipTime), "default");
  }

  @Override
  public Worker newWorker(String taskQueue) {
    return newWorker(taskQueue, null);
  }

  @Override
  public Worker newWorker(String taskQueue, WorkerOptions options) {
    return runtime.newWorker(taskQueue, options);
  }

  @Override
  public WorkflowClient getWorkflowClient() {
    return client;
  }

  @Override
  public void start() {
    runtime.start();
  }

  @Override
  public boolean isStarted() {
    return runtime.isStarted();
  }

  @Override
  public void sleep(Duration duration) {
    try {
      runtime.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long currentTimeMillis() {
    return runtime.clock().millis();
  }

  @Override
  public WorkflowServiceStubs getWorkflowServiceStubs() {
    return stubs;
  }

  @Override
  public String getNamespace() {
    return namespace;
  }

  @Override
  public void registerDelayedCallback(Duration delay, Runnable callback) {
    runtime.registerDelayedCallback(delay, callback);
  }

  @Override
  public String getDiagnostics() {
    return runtime.diagnostics();
  }

  @Override
  public void shutdown() {
    close();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      runtime.close();
    }
  }
}
