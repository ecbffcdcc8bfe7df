package dev.cairn.internal.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowClientOptions;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.Test;

/** What a sample's main() reads back from its embedded client: options, stubs, a health check. */
class EmbeddedClientOptionsTest {

  @Test
  void getOptionsAndStubs_shouldBeWhatTheClientWasMadeWith_andHealthCheckFailOnceShutDown() {
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.getDefaultInstance());
    WorkflowClient client = WorkflowClient.newInstance(service,
        WorkflowClientOptions.newBuilder().setNamespace("orders").setIdentity("starter-1").build());

    assertEquals("orders", client.getOptions().getNamespace());
    assertEquals("starter-1", client.getOptions().getIdentity());
    assertSame(service, client.getWorkflowServiceStubs());
    client.getWorkflowServiceStubs().healthCheck();

    service.shutdown();

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.getWorkflowServiceStubs().healthCheck());
    assertEquals("these WorkflowServiceStubs are shut down", e.getMessage());
  }
}
