package dev.cairn.internal.http;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowClientOptions;
import dev.cairn.internal.spi.ClientFactory;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.serviceclient.WorkflowServiceStubsOptions;
import java.util.concurrent.TimeUnit;

/** Stubs of a remote Cairn API; each request is a plain HTTPS (or loopback HTTP) call, so nothing to close. */
final class HttpServiceStubs implements WorkflowServiceStubs, ClientFactory {
  private final WorkflowServiceStubsOptions options;
  private final HttpApi api;
  private volatile boolean shutdown;

  HttpServiceStubs(WorkflowServiceStubsOptions options) {
    this.options = options;
    var base = HttpApi.baseUri(options.getTarget(), options.getEnableHttps());
    this.api = new HttpApi(base, options.getAwsSigV4() ? new SigV4Signer(base, System.getenv("AWS_REGION")) : RequestSigner.NONE);
  }

  @Override
  public WorkflowClient newClient(WorkflowClientOptions clientOptions) {
    return new HttpWorkflowClient(api, clientOptions, this);
  }

  /** One listing request of a single run: the API must answer it with 200. */
  @Override
  public void healthCheck() {
    WorkflowServiceStubs.super.healthCheck();
    ApiResponse r = api.get("/workflows?pageSize=1");
    if (r.status() != 200) {
      throw new IllegalStateException("the Cairn API at " + api.base() + " answered " + r.status() + " to a health check");
    }
  }

  @Override
  public WorkflowServiceStubsOptions getOptions() {
    return options;
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public void shutdownNow() {
    shutdown = true;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutdown;
  }
}
