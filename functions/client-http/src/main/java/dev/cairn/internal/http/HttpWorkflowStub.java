package dev.cairn.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowQueryException;
import dev.cairn.client.WorkflowServiceException;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.UpdateOptions;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.client.WorkflowUpdateHandle;
import dev.cairn.client.WorkflowUpdateStage;
import dev.cairn.common.converter.Payloads;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.failure.TerminatedFailure;
import dev.cairn.failure.TimeoutFailure;
import dev.cairn.internal.history.SearchAttributeMaps;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A workflow stub over the HTTP API: the same behaviour as the in-process one, request by request. */
final class HttpWorkflowStub implements WorkflowStub {

  private final HttpWorkflowClient client;
  private final String workflowType;
  private final WorkflowOptions options;
  private String workflowId;
  private String runId;

  HttpWorkflowStub(HttpWorkflowClient client, String workflowType, WorkflowOptions options, String workflowId, String runId) {
    this.client = client;
    this.workflowType = workflowType;
    this.options = options;
    this.workflowId = workflowId;
    this.runId = runId;
  }

  @Override
  public WorkflowExecution start(Object... args) {
    if (runId != null) {
      throw new IllegalStateException("this stub already started workflow " + workflowId);
    }
    return postStart(startBody(args));
  }

  /** Signal-with-start: {@code POST /workflows} with {@code "signal"}; an open run gets the signal. */
  @Override
  public WorkflowExecution signalWithStart(String signalName, Object[] signalArgs, Object[] startArgs) {
    ObjectNode body = startBody(startArgs);
    body.putObject("signal").put("name", signalName).set("input", values(signalArgs));
    return postStart(body);
  }

  private WorkflowExecution postStart(ObjectNode body) {
    ApiResponse r = client.api.post("/workflows", body);
    refuseAlreadyStarted(r);
    requireOk(r, options.getWorkflowId());
    started(r.body());
    return getExecution();
  }

  private void refuseAlreadyStarted(ApiResponse r) {
    if (r.status() == 409 && "ALREADY_STARTED".equals(r.errorCode())) {
      WorkflowExecution existing = WorkflowExecution.newBuilder()
          .setWorkflowId(options.getWorkflowId() == null ? "" : options.getWorkflowId()).build();
      throw new WorkflowExecutionAlreadyStarted(existing, workflowType, new IllegalStateException(r.message()));
    }
  }

  private void started(JsonNode body) {
    workflowId = body.path("workflowId").asText();
    runId = body.path("runId").asText();
  }

  /** The body of {@code POST /workflows} from this stub's options (docs/http-api.md). */
  private ObjectNode startBody(Object[] args) {
    if (options == null) {
      throw new IllegalStateException("this stub addresses an existing workflow; create one with WorkflowOptions to start");
    }
    ObjectNode body = HttpApi.JSON.createObjectNode().put("workflowType", workflowType);
    putIfSet(body, "workflowId", options.getWorkflowId());
    putIfSet(body, "taskQueue", options.getTaskQueue());
    body.set("input", values(args));
    putIfSet(body, "workflowIdReusePolicy", options.getWorkflowIdReusePolicy() == null ? null : options.getWorkflowIdReusePolicy().shortName());
    putIfSet(body, "workflowIdConflictPolicy", options.getWorkflowIdConflictPolicy() == null ? null : options.getWorkflowIdConflictPolicy().shortName());
    putIfSet(body, "workflowExecutionTimeout", options.getWorkflowExecutionTimeout());
    putIfSet(body, "workflowRunTimeout", options.getWorkflowRunTimeout());
    putIfSet(body, "startDelay", options.getStartDelay());
    putIfSet(body, "cronSchedule", options.getCronSchedule());
    if (options.getMemo() != null) {
      body.set("memo", HttpApi.JSON.valueToTree(options.getMemo()));
    }
    if (options.getTypedSearchAttributes() != null) { // as the in-process client: typed ones win over untyped
      body.set("searchAttributes", HttpApi.JSON.valueToTree(SearchAttributeMaps.toMap(options.getTypedSearchAttributes())));
    } else if (options.getSearchAttributes() != null) {
      body.set("searchAttributes", HttpApi.JSON.valueToTree(options.getSearchAttributes()));
    }
    return body;
  }

  /**
   * Update-with-start: {@code POST /workflows} with {@code "update"}. The API starts the run (or finds
   * the open one, per the conflict policy) and answers as the update route does, with the run's ids.
   */
  @Override
  public <R> WorkflowUpdateHandle<R> startUpdateWithStart(UpdateOptions<R> updateOptions, Object[] updateArgs,
      Object[] startArgs) {
    updateOptions.validate();
    ObjectNode body = startBody(startArgs);
    if (options.getWorkflowIdConflictPolicy() == null) {
      throw new IllegalStateException("update-with-start needs a WorkflowIdConflictPolicy in the workflow options:"
          + " USE_EXISTING (an open run gets the update) or FAIL (an open run is an error)");
    }
    String updateId = updateOptions.getUpdateId() == null ? UUID.randomUUID().toString() : updateOptions.getUpdateId();
    body.putObject("update").put("name", updateOptions.getUpdateName()).put("updateId", updateId)
        .set("input", values(updateArgs));
    ApiResponse r = client.api.post("/workflows", body);
    refuseAlreadyStarted(r);
    if (r.body().hasNonNull("runId")) { // the run started (or was found), whatever became of the update
      started(r.body());
    }
    return updateHandle(r, updateOptions, updateId);
  }

  private static void putIfSet(ObjectNode body, String field, Object value) {
    if (value != null) {
      body.put(field, value.toString()); // a Duration's toString is ISO-8601, as the API reads it
    }
  }

  /** Arguments as the API takes them: a JSON array of the values the data converter makes. */
  private ArrayNode values(Object[] args) {
    Optional<Payloads> payloads = client.dataConverter.toPayloads(args == null ? new Object[0] : args);
    return payloads.map(p -> (ArrayNode) HttpApi.JSON.valueToTree(p)).orElseGet(HttpApi.JSON::createArrayNode);
  }

  /** One JSON value (a result) read back through the data converter. */
  <R> R value(JsonNode value, Class<R> resultClass, Type resultType) {
    if (value == null || value.isMissingNode()) {
      return client.dataConverter.fromPayloads(0, Optional.empty(), resultClass, resultType);
    }
    ArrayNode one = HttpApi.JSON.createArrayNode().add(value);
    try {
      Payloads p = HttpApi.JSON.treeToValue(one, Payloads.class);
      return client.dataConverter.fromPayloads(0, Optional.of(p), resultClass, resultType);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read " + value + " as a payload", e);
    }
  }

  Throwable failure(JsonNode failure) {
    try {
      return client.dataConverter.failureToException(HttpApi.JSON.treeToValue(failure, Failure.class));
    } catch (JsonProcessingException e) {
      return new IllegalStateException("unreadable failure " + failure, e);
    }
  }

  @Override
  public WorkflowExecution getExecution() {
    if (workflowId == null) {
      throw new IllegalStateException("workflow not started yet");
    }
    return WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId == null ? "" : runId).build();
  }

  @Override
  public Optional<String> getWorkflowType() {
    return Optional.ofNullable(workflowType);
  }

  /** Polls describe, backing off from 50 ms to 1 s, until the run is closed; follows continue-as-new. */
  @Override
  public <R> R getResult(long timeout, TimeUnit unit, Class<R> resultClass, Type resultType) throws TimeoutException {
    requireId();
    PollBackoff backoff = new PollBackoff("workflow " + workflowId, unit.toNanos(timeout), timeout + " " + unit);
    String run = runId;
    while (true) {
      JsonNode d = describe(run);
      String status = d.path("status").asText();
      String type = d.path("workflowType").asText(workflowType);
      WorkflowExecution execution = WorkflowExecution.newBuilder().setWorkflowId(workflowId)
          .setRunId(d.path("runId").asText("")).build();
      switch (status) {
        case "RUNNING" -> { }
        case "COMPLETED" -> {
          return value(d.get("result"), resultClass, resultType);
        }
        case "CONTINUED_AS_NEW" -> {
          run = d.path("newExecutionRunId").asText();
          backoff.reset();
          continue;
        }
        case "FAILED" -> throw new WorkflowFailedException(execution, type, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
            0, RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE, failure(d.path("failure")));
        case "CANCELED" -> throw new WorkflowFailedException(execution, type, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
            0, RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE, new CanceledFailure("workflow canceled", null));
        case "TERMINATED" -> throw new WorkflowFailedException(execution, type,
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED, 0, RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
            new TerminatedFailure(d.path("terminationReason").asText(null), null));
        case "TIMED_OUT" -> throw new WorkflowFailedException(execution, type, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
            0, RetryState.RETRY_STATE_TIMEOUT, new TimeoutFailure("workflow timed out", null, TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE));
        default -> throw new IllegalStateException("run " + execution + " has unknown status " + status);
      }
      backoff.pause();
    }
  }

  /** The run's describe JSON (docs/http-api.md): the latest run when {@code run} is null. */
  JsonNode describe(String run) {
    ApiResponse r = client.api.get("/workflows/" + HttpApi.segment(requireId()) + (run == null ? "" : "?runId=" + HttpApi.segment(run)));
    if (r.status() == 404) {
      throw notFound(r);
    }
    requireOk(r, workflowId);
    return r.body();
  }

  /** {@code GET /workflows/{id}} for the stub's run, or the latest when it knows none. */
  @Override
  public dev.cairn.client.WorkflowExecutionDescription describe() {
    return HttpDescriptions.description(describe(runId), client.dataConverter);
  }

  @Override
  public void signal(String signalName, Object... args) {
    closedAsNotFound(client.api.post(path("/signals/" + HttpApi.segment(signalName)), values(args)));
  }

  @Override
  public <R> R query(String queryType, Class<R> resultClass, Type resultType, Object... args) {
    ApiResponse r = client.api.post(path("/queries/" + HttpApi.segment(queryType)), values(args));
    if (r.status() == 404) {
      throw notFound(r);
    }
    if (r.status() == 400 || r.status() == 409) {
      Throwable cause = r.body().has("failure") ? failure(r.body().get("failure")) : new IllegalArgumentException(r.message());
      throw new WorkflowQueryException(getExecution(), workflowType, cause);
    }
    requireOk(r, workflowId);
    return value(r.body().get("result"), resultClass, resultType);
  }

  /** {@code POST .../updates/{name}?updateId=}: the id is the caller's or a new one, so a retry is the same update. */
  @Override
  public <R> WorkflowUpdateHandle<R> startUpdate(UpdateOptions<R> updateOptions, Object... args) {
    updateOptions.validate();
    String updateId = updateOptions.getUpdateId() == null ? UUID.randomUUID().toString() : updateOptions.getUpdateId();
    ApiResponse r = client.api.post(path("/updates/" + HttpApi.segment(updateOptions.getUpdateName()))
        + "?updateId=" + HttpApi.segment(updateId) + (runId == null ? "" : "&runId=" + HttpApi.segment(runId)), values(args));
    return updateHandle(r, updateOptions, updateId);
  }

  @Override
  public <R> WorkflowUpdateHandle<R> getUpdateHandle(String updateId, Class<R> resultClass, Type resultType) {
    return new HttpUpdateHandle<>(this, getExecution(), updateId, null, resultClass, resultType, null);
  }

  /**
   * The handle of an update the API answered: a refusal (rejected by the validator, unknown, the run
   * not ready or closed) throws here; an outcome (200, or 400/409 naming the update) or a 202 makes
   * the handle, which waits for the handler when the options ask for COMPLETED.
   */
  private <R> WorkflowUpdateHandle<R> updateHandle(ApiResponse r, UpdateOptions<R> updateOptions, String updateId) {
    if (r.status() == 404) {
      throw notFound(r);
    }
    boolean outcome = r.ok() || ((r.status() == 400 || r.status() == 409) && r.body().hasNonNull("updateId"));
    if (!outcome && (r.status() == 400 || r.status() == 409)) {
      Throwable cause = r.body().has("failure") ? failure(r.body().get("failure")) : new IllegalArgumentException(r.message());
      throw new WorkflowUpdateException(workflowId == null ? noRun() : getExecution(), updateId,
          updateOptions.getUpdateName(), cause);
    }
    requireOk(outcome ? new ApiResponse(200, r.body()) : r, workflowId);
    HttpUpdateHandle<R> handle = new HttpUpdateHandle<>(this, getExecution(), r.body().path("updateId").asText(updateId),
        updateOptions.getUpdateName(), updateOptions.getResultClass(), updateOptions.getResultType(), r);
    if (updateOptions.getWaitForStage() == WorkflowUpdateStage.COMPLETED) {
      try {
        handle.awaitOutcome(Duration.ofDays(365));
      } catch (TimeoutException e) {
        throw new IllegalStateException(e);
      }
    }
    return handle;
  }

  private WorkflowExecution noRun() {
    return WorkflowExecution.newBuilder().setWorkflowId(options == null || options.getWorkflowId() == null ? ""
        : options.getWorkflowId()).build();
  }

  HttpWorkflowClient client() {
    return client;
  }

  @Override
  public void cancel(String reason) {
    closedAsNotFound(client.api.post(path("/cancel"), HttpApi.JSON.createObjectNode()));
  }

  @Override
  public void terminate(String reason, Object... details) {
    ObjectNode body = HttpApi.JSON.createObjectNode();
    putIfSet(body, "reason", reason);
    closedAsNotFound(client.api.post(path("/terminate"), body));
  }

  private String path(String suffix) {
    return "/workflows/" + HttpApi.segment(requireId()) + suffix;
  }

  /** As Temporal's client (and the in-process one): a signal, cancel or terminate of a closed run is NOT_FOUND. */
  private void closedAsNotFound(ApiResponse r) {
    if (r.status() == 404 || (r.status() == 409 && "WORKFLOW_CLOSED".equals(r.errorCode()))) {
      throw notFound(r);
    }
    requireOk(r, workflowId);
  }

  private WorkflowNotFoundException notFound(ApiResponse r) {
    return new WorkflowNotFoundException(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build(), workflowType,
        new IllegalStateException(r.message()));
  }

  static void requireOk(ApiResponse r, String workflowId) {
    if (!r.ok()) {
      throw new WorkflowServiceException(WorkflowExecution.newBuilder().setWorkflowId(workflowId == null ? "" : workflowId).build(),
          null, new IllegalStateException(r.status() + " " + r.errorCode() + ": " + r.message()));
    }
  }

  private String requireId() {
    if (workflowId == null) {
      throw new IllegalStateException("workflow not started yet");
    }
    return workflowId;
  }
}
