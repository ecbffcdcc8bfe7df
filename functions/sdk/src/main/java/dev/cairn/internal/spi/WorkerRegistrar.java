package dev.cairn.internal.spi;

import dev.cairn.worker.WorkflowImplementationOptions;
import java.util.function.Supplier;

/** Receives a worker's registrations; the engine validates and serves them. */
public interface WorkerRegistrar {
  void registerWorkflowType(String taskQueue, Class<?> implementation, WorkflowImplementationOptions options,
      Supplier<?> factory);

  void registerActivities(String taskQueue, Object implementation);
}
