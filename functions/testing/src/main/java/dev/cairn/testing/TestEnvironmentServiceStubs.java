package dev.cairn.testing;

import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.serviceclient.WorkflowServiceStubsOptions;
import java.util.concurrent.TimeUnit;

/**
 * The stubs a test environment's client reports, as Temporal's test server has: shutting them down
 * closes the environment, and they are shut down once it is closed.
 */
final class TestEnvironmentServiceStubs implements WorkflowServiceStubs {
  private final TestWorkflowEnvironment environment;
  private final java.util.function.BooleanSupplier closed;

  TestEnvironmentServiceStubs(TestWorkflowEnvironment environment, java.util.function.BooleanSupplier closed) {
    this.environment = environment;
    this.closed = closed;
  }

  @Override
  public WorkflowServiceStubsOptions getOptions() {
    return WorkflowServiceStubsOptions.getDefaultInstance();
  }

  @Override
  public void shutdown() {
    environment.close();
  }

  @Override
  public void shutdownNow() {
    environment.close();
  }

  @Override
  public boolean isShutdown() {
    return closed.getAsBoolean();
  }

  @Override
  public boolean isTerminated() {
    return closed.getAsBoolean();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return closed.getAsBoolean();
  }
}
