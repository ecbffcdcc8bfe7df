package dev.cairn.internal.spi;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowClientOptions;

/** Implemented by service stubs: how {@code WorkflowClient.newInstance(service, options)} is served. */
public interface ClientFactory {
  WorkflowClient newClient(WorkflowClientOptions options);
}
