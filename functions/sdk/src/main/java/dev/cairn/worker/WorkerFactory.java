package dev.cairn.worker;

import dev.cairn.client.WorkflowClient;
import dev.cairn.internal.spi.WorkerHost;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Makes the workers of a client, as in Temporal. With the embedded engine (no address configured)
 * they run in this JVM; against a remote address workers run in Lambda (the stack's
 * {@code CAIRN_WORKERS}), so {@link #newWorker} fails there at once.
 */
public final class WorkerFactory {
  private final WorkflowClient client;
  private final WorkerHost host;
  private final Map<String, Worker> workers = new LinkedHashMap<>();
  private boolean started;
  private boolean shutdown;

  private WorkerFactory(WorkflowClient client) {
    this.client = Objects.requireNonNull(client, "client");
    if (!(client instanceof WorkerHost h)) {
      throw new IllegalArgumentException("WorkerFactory needs a client of WorkflowClient.newInstance(service, options);"
          + " in tests use TestWorkflowEnvironment.newWorker instead, got " + client.getClass().getName());
    }
    this.host = h;
  }

  public static WorkerFactory newInstance(WorkflowClient workflowClient) {
    return new WorkerFactory(workflowClient);
  }

  public synchronized Worker newWorker(String taskQueue) {
    return newWorker(taskQueue, WorkerOptions.getDefaultInstance());
  }

  public synchronized Worker newWorker(String taskQueue, WorkerOptions options) {
    if (shutdown) {
      throw new IllegalStateException("this WorkerFactory is shut down");
    }
    if (workers.containsKey(taskQueue)) {
      throw new IllegalArgumentException("a worker for task queue " + taskQueue + " exists already");
    }
    Worker worker = host.newWorker(taskQueue, options);
    workers.put(taskQueue, worker);
    return worker;
  }

  public synchronized Worker getWorker(String taskQueue) {
    Worker w = workers.get(taskQueue);
    if (w == null) {
      throw new IllegalArgumentException("no worker for task queue " + taskQueue);
    }
    return w;
  }

  public WorkflowClient getWorkflowClient() {
    return client;
  }

  /** Starts the workers' polling; workflows started before wait for it. */
  public synchronized void start() {
    if (shutdown) {
      throw new IllegalStateException("this WorkerFactory is shut down");
    }
    host.startWorkers();
    started = true;
  }

  public synchronized boolean isStarted() {
    return started;
  }

  public synchronized void shutdown() {
    if (!shutdown) {
      shutdown = true;
      host.shutdownWorkers();
    }
  }

  public void shutdownNow() {
    shutdown();
  }

  public synchronized boolean isShutdown() {
    return shutdown;
  }

  public synchronized boolean isTerminated() {
    return shutdown;
  }

  public void awaitTermination(long timeout, TimeUnit unit) {
    // shutdown() stops the workers before it returns
  }
}
