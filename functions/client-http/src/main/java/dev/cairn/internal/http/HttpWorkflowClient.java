package dev.cairn.internal.http;

import dev.cairn.internal.client.TypedStubDispatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.ActivityCompletionClient;
import dev.cairn.client.BatchRequest;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowExecutionMetadata;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.internal.client.VisibilityQuery;
import dev.cairn.internal.definition.WorkflowDefinition;
import dev.cairn.internal.spi.SignalWithStartBatch;
import dev.cairn.internal.spi.WorkerHost;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The WorkflowClient of a remote Cairn: every call is a request to its HTTP API. */
final class HttpWorkflowClient implements WorkflowClient, WorkerHost {
  /** The API's largest list page: fewest requests for a whole listing. */
  private static final int LIST_PAGE = 1000;
  final HttpApi api;
  final DataConverter dataConverter;
  private final dev.cairn.client.WorkflowClientOptions options;
  private final dev.cairn.serviceclient.WorkflowServiceStubs stubs;

  HttpWorkflowClient(HttpApi api, dev.cairn.client.WorkflowClientOptions options,
      dev.cairn.serviceclient.WorkflowServiceStubs stubs) {
    this.api = api;
    this.dataConverter = options.getDataConverter();
    this.options = options;
    this.stubs = stubs;
  }

  @Override
  public dev.cairn.client.WorkflowClientOptions getOptions() {
    return options;
  }

  @Override
  public dev.cairn.serviceclient.WorkflowServiceStubs getWorkflowServiceStubs() {
    return stubs;
  }

  @Override
  public Worker newWorker(String taskQueue, WorkerOptions options) {
    throw new IllegalStateException("Cannot run a worker for task queue " + taskQueue + " against the remote Cairn at "
        + api.base() + ": workers run in Lambda; register your classes with CAIRN_WORKERS (the stack's workers class)"
        + " and deploy, or unset CAIRN_ADDRESS to run the engine and your workers embedded in this JVM");
  }

  @Override
  public void startWorkers() {
    // no worker can exist here: newWorker refuses
  }

  @Override
  public void shutdownWorkers() {
    // nothing runs here
  }

  @Override
  public <T> T newWorkflowStub(Class<T> workflowInterface, WorkflowOptions options) {
    return typed(workflowInterface, new HttpWorkflowStub(this, WorkflowDefinition.workflowTypeOf(workflowInterface), options, null, null));
  }

  @Override
  public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId) {
    return newWorkflowStub(workflowInterface, workflowId, Optional.empty());
  }

  @Override
  public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId, Optional<String> runId) {
    return typed(workflowInterface,
        new HttpWorkflowStub(this, WorkflowDefinition.workflowTypeOf(workflowInterface), null, workflowId, runId.orElse(null)));
  }

  @SuppressWarnings("unchecked")
  private <T> T typed(Class<T> workflowInterface, HttpWorkflowStub untyped) {
    return (T) Proxy.newProxyInstance(workflowInterface.getClassLoader(), new Class<?>[] {workflowInterface},
        new TypedStubDispatch(workflowInterface, untyped));
  }

  @Override
  public WorkflowStub newUntypedWorkflowStub(String workflowType, WorkflowOptions options) {
    return new HttpWorkflowStub(this, workflowType, options, null, null);
  }

  @Override
  public WorkflowStub newUntypedWorkflowStub(String workflowId) {
    return new HttpWorkflowStub(this, null, null, workflowId, null);
  }

  @Override
  public WorkflowStub newUntypedWorkflowStub(String workflowId, Optional<String> runId, Optional<String> workflowType) {
    return new HttpWorkflowStub(this, workflowType.orElse(null), null, workflowId, runId.orElse(null));
  }

  @Override
  public ActivityCompletionClient newActivityCompletionClient() {
    return new HttpActivityCompletionClient(this);
  }

  @Override
  public BatchRequest newSignalWithStartRequest() {
    return new SignalWithStartBatch();
  }

  @Override
  public WorkflowExecution signalWithStart(BatchRequest signalWithStartBatch) {
    if (!(signalWithStartBatch instanceof SignalWithStartBatch batch)) {
      throw new IllegalArgumentException("pass a request of newSignalWithStartRequest()");
    }
    return batch.signalWithStart();
  }

  /**
   * {@code GET /workflows} page by page, its filters from the query; WorkflowId is not a list filter
   * of the API, so it is matched here, as the in-process client does.
   */
  @Override
  public Stream<WorkflowExecutionMetadata> listExecutions(String query) {
    VisibilityQuery q = VisibilityQuery.parse(query);
    List<WorkflowExecutionMetadata> out = new ArrayList<>();
    String token = null;
    do {
      ApiResponse r = api.get(ListPath.of(q, LIST_PAGE, token));
      if (r.status() == 400) {
        throw new IllegalArgumentException("list query \"" + query + "\" refused: " + r.message());
      }
      HttpWorkflowStub.requireOk(r, null);
      for (JsonNode e : r.body().path("executions")) {
        if (q.workflowId() == null || q.workflowId().equals(e.path("workflowId").asText())) {
          out.add(HttpDescriptions.metadata(e, dataConverter));
        }
      }
      JsonNode next = r.body().get("nextPageToken");
      token = next == null || next.isNull() ? null : next.asText();
    } while (token != null);
    return out.stream();
  }

  @Override
  public WorkflowExecutionHistory fetchHistory(String workflowId) {
    return fetchHistory(workflowId, null);
  }

  @Override
  public WorkflowExecutionHistory fetchHistory(String workflowId, String runId) {
    ObjectNode root = HttpApi.JSON.createObjectNode().put("schemaVersion", 1);
    ArrayNode events = root.putArray("events");
    String token = null;
    String resolvedRunId = runId;
    do {
      String path = "/workflows/" + HttpApi.segment(workflowId) + "/history?pageSize=1000"
          + (runId == null ? "" : "&runId=" + HttpApi.segment(runId))
          + (token == null ? "" : "&nextPageToken=" + HttpApi.segment(token));
      ApiResponse r = api.get(path);
      if (r.status() == 404) {
        throw new WorkflowNotFoundException(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build(), null,
            new IllegalArgumentException(r.message()));
      }
      HttpWorkflowStub.requireOk(r, workflowId);
      r.body().path("events").forEach(events::add);
      JsonNode next = r.body().get("nextPageToken");
      token = next == null || next.isNull() ? null : next.asText();
    } while (token != null);
    if (resolvedRunId == null) {
      resolvedRunId = api.get("/workflows/" + HttpApi.segment(workflowId)).body().path("runId").asText("");
    }
    WorkflowExecution execution = WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(resolvedRunId).build();
    return new WorkflowExecutionHistory(execution, root.toString());
  }
}
