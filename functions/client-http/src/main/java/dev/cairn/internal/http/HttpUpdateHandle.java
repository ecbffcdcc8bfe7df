package dev.cairn.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.client.WorkflowUpdateHandle;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An update sent over HTTP. Its outcome is the API's final answer (200, 400 UPDATE_FAILED, 409
 * WORKFLOW_CLOSED); while the API answers 202 the handle polls {@code GET .../updates/{updateId}},
 * backing off from 50 ms to 1 s.
 */
final class HttpUpdateHandle<T> implements WorkflowUpdateHandle<T> {

  private final HttpWorkflowStub stub;
  private final WorkflowExecution execution;
  private final String updateId;
  private final String updateName;
  private final Class<T> resultClass;
  private final Type resultType;
  private volatile ApiResponse outcome;

  /** @param answer the API's answer so far: final, or 202 (or null) while the handler runs */
  HttpUpdateHandle(HttpWorkflowStub stub, WorkflowExecution execution, String updateId, String updateName,
      Class<T> resultClass, Type resultType, ApiResponse answer) {
    this.stub = stub;
    this.execution = execution;
    this.updateId = updateId;
    this.updateName = updateName;
    this.resultClass = resultClass;
    this.resultType = resultType == null ? resultClass : resultType;
    this.outcome = answer == null || answer.status() == 202 ? null : answer;
  }

  @Override
  public WorkflowExecution getExecution() {
    return execution;
  }

  @Override
  public String getId() {
    return updateId;
  }

  @Override
  public T getResult() {
    return getResult(365, TimeUnit.DAYS);
  }

  @Override
  public T getResult(long timeout, TimeUnit unit) {
    try {
      return result(awaitOutcome(Duration.ofNanos(unit.toNanos(timeout))));
    } catch (TimeoutException e) {
      throw new WorkflowUpdateException(execution, updateId, updateName, e);
    }
  }

  /** Polls until the API gives the update's outcome. */
  ApiResponse awaitOutcome(Duration timeout) throws TimeoutException {
    PollBackoff backoff = new PollBackoff("update " + updateId, timeout.toNanos(), timeout.toString());
    while (outcome == null) {
      ApiResponse r = stub.client().api.get("/workflows/" + HttpApi.segment(execution.getWorkflowId()) + "/updates/"
          + HttpApi.segment(updateId) + (execution.getRunId().isEmpty() ? "" : "?runId=" + HttpApi.segment(execution.getRunId())));
      if (r.status() != 202) {
        outcome = r;
        break;
      }
      backoff.pause();
    }
    return outcome;
  }

  private T result(ApiResponse r) {
    if (r.status() == 404) {
      throw new WorkflowNotFoundException(execution, null, new IllegalStateException(r.message()));
    }
    if (r.status() == 400 || r.status() == 409) {
      JsonNode failure = r.body().get("failure");
      Throwable cause = failure != null ? stub.failure(failure) : new IllegalStateException(r.message());
      throw new WorkflowUpdateException(execution, updateId, updateName, cause);
    }
    HttpWorkflowStub.requireOk(r, execution.getWorkflowId());
    return stub.value(r.body().get("result"), resultClass, resultType);
  }
}
