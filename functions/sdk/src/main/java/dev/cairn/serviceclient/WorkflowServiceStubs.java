package dev.cairn.serviceclient;

import dev.cairn.envconfig.ClientConfigProfile;
import dev.cairn.internal.spi.ServiceStubsProvider;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * The connection a {@code WorkflowClient} is built on, as in Temporal. Without a target the engine
 * runs embedded in this JVM (needs {@code cairn-engine} on the class path); with one, the client
 * talks to Cairn's HTTP API (needs {@code cairn-client-http}). Temporal's raw gRPC stubs
 * ({@code blockingStub()}) do not exist: Cairn has no gRPC service.
 */
public interface WorkflowServiceStubs {

  static WorkflowServiceStubs newServiceStubs(WorkflowServiceStubsOptions options) {
    WorkflowServiceStubsOptions o = options == null ? WorkflowServiceStubsOptions.getDefaultInstance() : options;
    boolean remote = o.getTarget() != null;
    for (ServiceStubsProvider provider : ServiceLoader.load(ServiceStubsProvider.class, WorkflowServiceStubs.class.getClassLoader())) {
      if (provider.servesTarget() == remote) {
        return provider.create(o);
      }
    }
    throw new IllegalStateException(remote
        ? "target " + o.getTarget() + " is an HTTP API address, but dev.cairn:cairn-client-http is not on the class path: add it"
        : "no target configured (CAIRN_ADDRESS unset), so the engine runs embedded, but dev.cairn:cairn-engine is not"
            + " on the class path: add it, or set CAIRN_ADDRESS to a running Cairn API");
  }

  /** Temporal's older name for {@link #newServiceStubs}. */
  static WorkflowServiceStubs newInstance(WorkflowServiceStubsOptions options) {
    return newServiceStubs(options);
  }

  /** Temporal's name for {@link #newServiceStubs}; Cairn connects lazily, so there is nothing to wait for. */
  static WorkflowServiceStubs newConnectedServiceStubs(WorkflowServiceStubsOptions options, Duration timeout) {
    return newServiceStubs(options);
  }

  /**
   * Temporal's "the dev server on localhost": here the environment's profile decides, so
   * {@code CAIRN_ADDRESS=http://127.0.0.1:8233} reaches {@code ./cairn local}, and without it the
   * engine runs embedded.
   */
  static WorkflowServiceStubs newLocalServiceStubs() {
    return newServiceStubs(ClientConfigProfile.load().toWorkflowServiceStubsOptions());
  }

  WorkflowServiceStubsOptions getOptions();

  /**
   * Checks that the service answers, as Temporal's does for its gRPC connection: throws
   * {@link IllegalStateException} once these stubs are shut down (and, over HTTP, when the API does
   * not answer). Temporal returns gRPC's {@code HealthCheckResponse}; Cairn returns nothing, so code
   * that only calls it ports unchanged.
   */
  default void healthCheck() {
    if (isShutdown()) {
      throw new IllegalStateException("these WorkflowServiceStubs are shut down");
    }
  }

  void shutdown();

  void shutdownNow();

  boolean isShutdown();

  boolean isTerminated();

  boolean awaitTermination(long timeout, TimeUnit unit);
}
