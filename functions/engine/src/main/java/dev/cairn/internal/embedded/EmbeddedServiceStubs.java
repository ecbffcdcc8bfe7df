package dev.cairn.internal.embedded;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowClientOptions;
import dev.cairn.internal.client.InProcessWorkflowClient;
import dev.cairn.internal.spi.ClientFactory;
import dev.cairn.internal.testservice.TestRuntime;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.serviceclient.WorkflowServiceStubsOptions;
import java.util.concurrent.TimeUnit;

/**
 * The embedded engine: the test runtime's in-memory store and queues, but on the system clock and
 * never skipping time, so timers, retries and timeouts take as long as they say. Started with the
 * first client (which brings the namespace and data converter); its clients share it.
 */
final class EmbeddedServiceStubs implements WorkflowServiceStubs, ClientFactory {
  private final WorkflowServiceStubsOptions options;
  private TestRuntime runtime;
  private boolean shutdown;

  EmbeddedServiceStubs(WorkflowServiceStubsOptions options) {
    this.options = options;
  }

  @Override
  public synchronized WorkflowClient newClient(WorkflowClientOptions clientOptions) {
    if (shutdown) {
      throw new IllegalStateException("these WorkflowServiceStubs are shut down");
    }
    if (runtime == null) {
      runtime = new TestRuntime(clientOptions.getNamespace(), clientOptions.getDataConverter());
    }
    TestRuntime rt = runtime;
    // never skips time: a waiting client lets the clock run as the wall clock does
    InProcessWorkflowClient inProcess = new InProcessWorkflowClient(rt.service(), clientOptions, this,
        (done, timeout) -> rt.await(done, timeout, false), "default");
    return new EmbeddedWorkflowClient(inProcess, rt);
  }

  @Override
  public WorkflowServiceStubsOptions getOptions() {
    return options;
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
    if (runtime != null) {
      runtime.close();
    }
  }

  @Override
  public void shutdownNow() {
    shutdown();
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }
}
