package dev.cairn.internal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.replay.HandlerFailedException;
import dev.cairn.internal.replay.UnknownHandlerException;
import dev.cairn.internal.replay.WorkflowNotReadyException;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.internal.service.PendingDecision;
import dev.cairn.internal.service.StartRequest;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.service.WorkflowService.AcceptedUpdate;
import dev.cairn.internal.service.WorkflowService.UpdateOutcome;
import dev.cairn.internal.store.ExecutionKey;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The query and update routes. A query replays the run and writes nothing; an update is validated,
 * recorded as accepted, and waited for up to {@code updateWait} (API Gateway gives up at 29 s), then
 * answered 202 with its id for the caller to poll {@code GET .../updates/{updateId}}.
 */
final class HandlerApi {
  private static final ObjectMapper JSON = HistoryJson.mapper();
  private static final long POLL_MILLIS = 20;

  private final WorkflowService service;
  private final Supplier<String> ids;
  private final Duration settle;
  private final Duration updateWait;

  HandlerApi(WorkflowService service, Supplier<String> ids, Duration settle, Duration updateWait) {
    this.service = service;
    this.ids = ids;
    this.settle = settle;
    this.updateWait = updateWait;
  }

  ApiResponse query(String workflowId, String runId, String queryType, ApiRequest r) {
    Payloads args = StartBody.payloads(r.json());
    ExecutionKey key = service.resolve(workflowId, runId);
    PendingDecision.awaitNone(service.store(), key, settle); // so a query sees every signal sent before it
    try {
      Payloads result = service.query(key.workflowId(), key.runId(), queryType, args);
      return ApiResponse.ok(JSON.createObjectNode().set("result", WorkflowViews.firstValue(result)));
    } catch (UnknownHandlerException e) {
      ObjectNode body = errorBody("UNKNOWN_QUERY", e.getMessage());
      body.set("knownQueryTypes", JSON.valueToTree(e.knownTypes()));
      return new ApiResponse(400, body);
    } catch (HandlerFailedException e) {
      return new ApiResponse(400, errorBody("QUERY_FAILED", e.getMessage()).set("failure", JSON.valueToTree(e.failure())));
    } catch (WorkflowNotReadyException e) {
      return new ApiResponse(409, errorBody("WORKFLOW_NOT_READY", e.getMessage()));
    }
  }

  ApiResponse update(String workflowId, String runId, String updateName, ApiRequest r) {
    Payloads args = StartBody.payloads(r.json());
    ExecutionKey key = service.resolve(workflowId, runId);
    String updateId = r.query("updateId") == null || r.query("updateId").isBlank() ? ids.get() : r.query("updateId");
    try {
      // the validator sees every signal sent before
      AcceptedUpdate accepted = service.acceptUpdateWhenReady(key, updateId, updateName, args, settle);
      return awaitOutcome(accepted, updateWait);
    } catch (RuntimeException e) {
      return refusal(e);
    }
  }

  /**
   * {@code POST /workflows} with {@code "update"}: starts the run (or finds the open one, per the
   * conflict policy), then accepts the update once the run's first decision has run, and answers as
   * the update route does, with the run's ids. Two commits: see
   * {@link WorkflowService#acceptUpdateWhenReady} for why a retry with the same update id heals a
   * crash between them.
   */
  ApiResponse updateWithStart(StartRequest request, StartBody.StartUpdate update) {
    String problem = request.updateWithStartProblem();
    if (problem != null) {
      throw ApiException.badRequest(problem.replace("WorkflowIdConflictPolicy in the workflow options",
          "\"workflowIdConflictPolicy\""));
    }
    long deadline = System.nanoTime() + updateWait.toNanos();
    WorkflowExecution e = service.start(request);
    ExecutionKey key = new ExecutionKey(e.getWorkflowId(), e.getRunId());
    String updateId = update.updateId() == null ? ids.get() : update.updateId();
    ApiResponse answer;
    try {
      Duration readyWait = updateWait.compareTo(settle) > 0 ? updateWait : settle;
      AcceptedUpdate accepted = service.acceptUpdateWhenReady(key, updateId, update.name(), update.input(), readyWait);
      answer = awaitOutcome(accepted, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    } catch (RuntimeException failure) {
      answer = refusal(failure);
    }
    ObjectNode body = JSON.createObjectNode().put("workflowId", e.getWorkflowId()).put("runId", e.getRunId());
    body.setAll((ObjectNode) answer.body());
    return new ApiResponse(answer.status(), body);
  }

  /** An update the run would not take: rejected, unknown, or the run not ready yet. */
  private ApiResponse refusal(RuntimeException e) {
    return switch (e) {
      case UnknownHandlerException u -> {
        ObjectNode body = errorBody("UPDATE_REJECTED", u.getMessage());
        body.set("knownUpdateTypes", JSON.valueToTree(u.knownTypes()));
        yield new ApiResponse(400, body);
      }
      case HandlerFailedException h ->
          new ApiResponse(400, errorBody("UPDATE_REJECTED", h.getMessage()).set("failure", JSON.valueToTree(h.failure())));
      case WorkflowNotReadyException n -> new ApiResponse(409, errorBody("WORKFLOW_NOT_READY", n.getMessage()));
      default -> throw e;
    };
  }

  /** {@code GET /workflows/{id}/updates/{updateId}}: the outcome of an update answered 202 before. */
  ApiResponse updateOutcome(String workflowId, String runId, String updateId) {
    AcceptedUpdate accepted = service.findUpdate(workflowId, runId, updateId).orElseThrow(() ->
        ApiException.notFound("workflow " + workflowId + " has no update " + updateId));
    return awaitOutcome(accepted, Duration.ZERO);
  }

  private ApiResponse awaitOutcome(AcceptedUpdate update, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    Optional<UpdateOutcome> outcome = service.updateOutcome(update);
    while (outcome.isEmpty() && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      outcome = service.updateOutcome(update);
    }
    ObjectNode body = JSON.createObjectNode().put("updateId", update.updateId());
    if (outcome.isEmpty()) {
      return new ApiResponse(202, body.put("status", "ACCEPTED"));
    }
    UpdateOutcome o = outcome.get();
    if (o.closedBeforeCompletion() != null) {
      return new ApiResponse(409, errorBody("WORKFLOW_CLOSED", "workflow " + update.key() + " closed ("
          + o.closedBeforeCompletion().shortName() + ") before update " + update.updateId() + " completed")
          .put("updateId", update.updateId()));
    }
    if (o.failure() != null) {
      ObjectNode error = errorBody("UPDATE_FAILED", "update handler failed: " + o.failure().message());
      error.put("updateId", update.updateId());
      return new ApiResponse(400, error.set("failure", JSON.valueToTree(o.failure())));
    }
    return ApiResponse.ok(body.set("result", WorkflowViews.firstValue(o.result())));
  }

  private static ObjectNode errorBody(String code, String message) {
    return JSON.createObjectNode().put("error", code).put("message", message);
  }
}
