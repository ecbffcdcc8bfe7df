package dev.cairn.internal.embedded;

import dev.cairn.internal.spi.ServiceStubsProvider;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.serviceclient.WorkflowServiceStubsOptions;

/** Serves stubs without a target: the engine in this JVM, in real time. */
public final class EmbeddedStubsProvider implements ServiceStubsProvider {
  @Override
  public boolean servesTarget() {
    return false;
  }

  @Override
  public WorkflowServiceStubs create(WorkflowServiceStubsOptions options) {
    return new EmbeddedServiceStubs(options);
  }
}
