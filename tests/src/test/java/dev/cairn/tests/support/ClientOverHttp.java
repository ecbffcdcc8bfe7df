package dev.cairn.tests.support;

import dev.cairn.client.WorkflowClient;
import dev.cairn.envconfig.ClientConfigProfile;
import dev.cairn.envconfig.LoadClientConfigProfileOptions;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import java.util.Map;

/**
 * The samples' bootstrap with {@code CAIRN_ADDRESS} pointing at a stack's API: the
 * {@code WorkflowClient} a user's program gets over HTTP.
 */
public record ClientOverHttp(WorkflowServiceStubs service, WorkflowClient client) implements AutoCloseable {

  public static ClientOverHttp connect(EmbeddedStack stack) {
    ClientConfigProfile profile = ClientConfigProfile.load(LoadClientConfigProfileOptions.newBuilder()
        .setEnvOverrides(Map.of("CAIRN_ADDRESS", stack.api().base().toString())).setDisableFile(true).build());
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(profile.toWorkflowServiceStubsOptions());
    return new ClientOverHttp(service, WorkflowClient.newInstance(service, profile.toWorkflowClientOptions()));
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
