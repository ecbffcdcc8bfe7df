package dev.cairn.internal.embedded;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.ActivityCompletionClient;
import dev.cairn.client.BatchRequest;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.internal.client.InProcessWorkflowClient;
import dev.cairn.internal.spi.WorkerHost;
import dev.cairn.internal.testservice.TestRuntime;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;
import java.util.Optional;

/** The in-process client of the embedded engine, which also hosts its workers. */
final class EmbeddedWorkflowClient implements WorkflowClient, WorkerHost {
  private final InProcessWorkflowClient client;
  private final TestRuntime runtime;

  EmbeddedWorkflowClient(InProcessWorkflowClient client, TestRuntime runtime) {
    this.client = client;
    this.runtime = runtime;
  }

  @Override
  public Worker newWorker(String taskQueue, WorkerOptions options) {
    return runtime.newWorker(taskQueue, options);
  }

  @Override
  public void startWorkers() {
    runtime.start();
  }

  @Override
  public void shutdownWorkers() {
    runtime.close();
  }

  @Override
  public dev.cairn.client.WorkflowClientOptions getOptions() {
    return client.getOptions();
  }

  @Override
  public dev.cairn.serviceclient.WorkflowServiceStubs getWorkflowServiceStubs() {
    return client.getWorkflowServiceStubs();
  }

  @Override
  public <T> T newWorkflowStub(Class<T> workflowInterface, WorkflowOptions options) {
    return client.newWorkflowStub(workflowInterface, options);
  }

  @Override
  public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId) {
    return client.newWorkflowStub(workflowInterface, workflowId);
  }

  @Override
  public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId, Optional<String> runId) {
    return client.newWorkflowStub(workflowInterface, workflowId, runId);
  }

  @Override
  public WorkflowStub newUntypedWorkflowStub(String workflowType, WorkflowOptions options) {
    return client.newUntypedWorkflowStub(workflowType, options);
  }

  @Override
  public WorkflowStub newUntypedWorkflowStub(String workflowId) {
    return client.newUntypedWorkflowStub(workflowId);
  }

  @Override
  public WorkflowStub newUntypedWorkflowStub(String workflowId, Optional<String> runId, Optional<String> workflowType) {
    return client.newUntypedWorkflowStub(workflowId, runId, workflowType);
  }

  @Override
  public ActivityCompletionClient newActivityCompletionClient() {
    return client.newActivityCompletionClient();
  }

  @Override
  public BatchRequest newSignalWithStartRequest() {
    return client.newSignalWithStartRequest();
  }

  @Override
  public WorkflowExecution signalWithStart(BatchRequest signalWithStartBatch) {
    return client.signalWithStart(signalWithStartBatch);
  }

  @Override
  public java.util.stream.Stream<dev.cairn.client.WorkflowExecutionMetadata> listExecutions(String query) {
    return client.listExecutions(query);
  }

  @Override
  public WorkflowExecutionHistory fetchHistory(String workflowId) {
    return client.fetchHistory(workflowId);
  }

  @Override
  public WorkflowExecutionHistory fetchHistory(String workflowId, String runId) {
    return client.fetchHistory(workflowId, runId);
  }
}
