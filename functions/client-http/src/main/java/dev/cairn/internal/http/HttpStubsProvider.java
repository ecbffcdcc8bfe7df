package dev.cairn.internal.http;

import dev.cairn.internal.spi.ServiceStubsProvider;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.serviceclient.WorkflowServiceStubsOptions;

/** Serves stubs with a target: Cairn's HTTP API at that address. */
public final class HttpStubsProvider implements ServiceStubsProvider {
  @Override
  public boolean servesTarget() {
    return true;
  }

  @Override
  public WorkflowServiceStubs create(WorkflowServiceStubsOptions options) {
    return new HttpServiceStubs(options);
  }
}
