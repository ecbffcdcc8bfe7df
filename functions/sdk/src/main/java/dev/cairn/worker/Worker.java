package dev.cairn.worker;

import dev.cairn.internal.spi.WorkerRegistrar;
import dev.cairn.workflow.Functions;
import java.util.Objects;

/**
 * Serves one task queue: the workflow implementations and activity objects registered here. Get one
 * from {@code TestWorkflowEnvironment.newWorker} or {@code WorkerFactory.newWorker}, as in Temporal.
 */
public final class Worker {
  private final String taskQueue;
  private final WorkerOptions options;
  private final WorkerRegistrar registrar;

  /** For the engine; applications get workers from a factory or test environment. */
  public Worker(String taskQueue, WorkerOptions options, WorkerRegistrar registrar) {
    this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
    this.options = options == null ? WorkerOptions.getDefaultInstance() : options;
    this.registrar = registrar;
  }

  public String getTaskQueue() {
    return taskQueue;
  }

  public WorkerOptions getOptions() {
    return options;
  }

  public void registerWorkflowImplementationTypes(Class<?>... workflowImplementationClasses) {
    registerWorkflowImplementationTypes(WorkflowImplementationOptions.getDefaultInstance(), workflowImplementationClasses);
  }

  public void registerWorkflowImplementationTypes(WorkflowImplementationOptions options, Class<?>... workflowImplementationClasses) {
    for (Class<?> c : workflowImplementationClasses) {
      registrar.registerWorkflowType(taskQueue, c, options, null);
    }
  }

  /** Registers instances made by {@code factory}, such as mocks of a child workflow. */
  public <R> void registerWorkflowImplementationFactory(Class<R> workflowInterface, Functions.Func<R> factory) {
    registrar.registerWorkflowType(taskQueue, workflowInterface, WorkflowImplementationOptions.getDefaultInstance(), factory::apply);
  }

  public <R> void registerWorkflowImplementationFactory(Class<R> workflowInterface, Functions.Func<R> factory,
      WorkflowImplementationOptions options) {
    registrar.registerWorkflowType(taskQueue, workflowInterface, options, factory::apply);
  }

  public void registerActivitiesImplementations(Object... activityImplementations) {
    for (Object a : activityImplementations) {
      registrar.registerActivities(taskQueue, a);
    }
  }
}
