package dev.cairn.internal.spi;

import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.serviceclient.WorkflowServiceStubsOptions;

/**
 * Found with {@link java.util.ServiceLoader}: the engine provides the embedded stubs (no target),
 * cairn-client-http the HTTP ones (a target). The SDK knows neither, so it stays free of both.
 */
public interface ServiceStubsProvider {
  /** True if this provider serves options with a target (a remote API), false if those without. */
  boolean servesTarget();

  WorkflowServiceStubs create(WorkflowServiceStubsOptions options);
}
