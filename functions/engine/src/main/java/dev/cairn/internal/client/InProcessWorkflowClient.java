package dev.cairn.internal.client;

import dev.cairn.client.ActivityCompletionClient;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowClientOptions;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.internal.definition.WorkflowDefinition;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import java.lang.reflect.Proxy;
import java.util.Optional;

/** The WorkflowClient of an engine in the same process: the test environment and embedded mode. */
public final class InProcessWorkflowClient implements WorkflowClient {
  final WorkflowService service;
  final DataConverter dataConverter;
  final ResultWaiter waiter;
  final String defaultTaskQueue;
  private final WorkflowClientOptions options;
  private final WorkflowServiceStubs stubs;

  public InProcessWorkflowClient(WorkflowService service, DataConverter dataConverter, ResultWaiter waiter, String defaultTaskQueue) {
    this(service, WorkflowClientOptions.newBuilder().setDataConverter(dataConverter).build(), null, waiter,
        defaultTaskQueue);
  }

  /** A client that reports {@code options} and {@code stubs} (null: made without stubs). */
  public InProcessWorkflowClient(WorkflowService service, WorkflowClientOptions options, WorkflowServiceStubs stubs,
      ResultWaiter waiter, String defaultTaskQueue) {
    this.service = service;
    this.dataConverter = options.getDataConverter();
    this.options = options;
    this.stubs = stubs;
    this.waiter = waiter;
    this.defaultTaskQueue = defaultTaskQueue;
  }

  @Override
  public WorkflowClientOptions getOptions() {
    return options;
  }

  @Override
  public WorkflowServiceStubs getWorkflowServiceStubs() {
    if (stubs == null) {
      throw new IllegalStateException("this client was made without WorkflowServiceStubs");
    }
    return stubs;
  }

  @Override
  public <T> T newWorkflowStub(Class<T> workflowInterface, WorkflowOptions options) {
    UntypedStub untyped = new UntypedStub(this, WorkflowDefinition.workflowTypeOf(workflowInterface), options, null, null);
    return typed(workflowInterface, untyped);
  }

  @Override
  public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId) {
    return newWorkflowStub(workflowInterface, workflowId, Optional.empty());
  }

  @Override
  public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId, Optional<String> runId) {
    UntypedStub untyped = new UntypedStub(this, WorkflowDefinition.workflowTypeOf(workflowInterface), null, workflowId, runId.orElse(null));
    return typed(workflowInterface, untyped);
  }

  @SuppressWarnings("unchecked")
  private <T> T typed(Class<T> workflowInterface, UntypedStub untyped) {
    return (T) Proxy.newProxyInstance(workflowInterface.getClassLoader(), new Class<?>[] {workflowInterface},
        new TypedStubDispatch(workflowInterface, untyped));
  }

  @Override
  public WorkflowStub newUntypedWorkflowStub(String workflowType, WorkflowOptions options) {
    return new UntypedStub(this, workflowType, options, null, null);
  }

  @Override
  public WorkflowStub newUntypedWorkflowStub(String workflowId) {
    return new UntypedStub(this, null, null, workflowId, null);
  }

  @Override
  public WorkflowStub newUntypedWorkflowStub(String workflowId, Optional<String> runId, Optional<String> workflowType) {
    return new UntypedStub(this, workflowType.orElse(null), null, workflowId, runId.orElse(null));
  }

  @Override
  public dev.cairn.common.WorkflowExecutionHistory fetchHistory(String workflowId) {
    return fetchHistory(workflowId, null);
  }

  @Override
  public dev.cairn.common.WorkflowExecutionHistory fetchHistory(String workflowId, String runId) {
    var key = service.resolve(workflowId, runId);
    return new dev.cairn.common.WorkflowExecutionHistory(service.execution(key),
        dev.cairn.internal.history.HistoryJson.toJson(service.history(key)));
  }

  @Override
  public dev.cairn.client.BatchRequest newSignalWithStartRequest() {
    return new dev.cairn.internal.spi.SignalWithStartBatch();
  }

  @Override
  public dev.cairn.api.common.v1.WorkflowExecution signalWithStart(dev.cairn.client.BatchRequest signalWithStartBatch) {
    if (!(signalWithStartBatch instanceof dev.cairn.internal.spi.SignalWithStartBatch batch)) {
      throw new IllegalArgumentException("pass a request of newSignalWithStartRequest()");
    }
    return batch.signalWithStart();
  }

  @Override
  public java.util.stream.Stream<dev.cairn.client.WorkflowExecutionMetadata> listExecutions(String query) {
    VisibilityQuery q = VisibilityQuery.parse(query);
    java.util.List<dev.cairn.client.WorkflowExecutionMetadata> out = new java.util.ArrayList<>();
    String pageToken = null;
    do {
      var page = service.store().list(new dev.cairn.internal.store.HistoryStore.ListQuery(q.status(), q.workflowType(),
          q.searchAttributes(), 1000, pageToken));
      for (var r : page.executions()) {
        if (q.workflowId() == null || q.workflowId().equals(r.key().workflowId())) {
          out.add(descriptions().metadata(r));
        }
      }
      pageToken = page.nextPageToken();
    } while (pageToken != null);
    return out.stream();
  }

  ExecutionDescriptions descriptions() {
    return new ExecutionDescriptions(service.store(), dataConverter);
  }

  @Override
  public ActivityCompletionClient newActivityCompletionClient() {
    return new InProcessActivityCompletionClient(service, dataConverter);
  }
}
