package dev.cairn.internal.spi;

import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;

/** Implemented by clients that can host workers: what {@code WorkerFactory} delegates to. */
public interface WorkerHost {
  /** A worker for the task queue; fails at once where workers cannot run in this JVM. */
  Worker newWorker(String taskQueue, WorkerOptions options);

  void startWorkers();

  void shutdownWorkers();
}
