package dev.cairn.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.service.StartRequest;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.PayloadTooLargeException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The HTTP API of DESIGN.md over the workflow service: routes a request, maps the service's
 * exceptions to the documented status codes. Transport-free, so API Gateway and the local server
 * share it.
 */
public final class WorkflowApi {
  private static final ObjectMapper JSON = HistoryJson.mapper();
  private static final int MAX_PAGE = 1000;
  private static final Set<String> LIST_PARAMS = Set.of("status", "workflowType", "pageSize", "nextPageToken");

  private final WorkflowService service;
  private final ActivityApi activities;
  private final String defaultTaskQueue;
  private final Supplier<String> ids;
  private final long maxBodyBytes;
  private final HandlerApi handlers;

  /** How long an update request waits for its handler before answering 202 (API Gateway stops at 29 s). */
  public static final Duration DEFAULT_UPDATE_WAIT = Duration.ofSeconds(20);
  /** How long a query or update waits for a decision in flight, so it sees every signal sent before it. */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);

  public WorkflowApi(WorkflowService service, ActivityApi activities, String defaultTaskQueue, Supplier<String> ids) {
    this(service, activities, defaultTaskQueue, ids, Long.MAX_VALUE, DEFAULT_UPDATE_WAIT);
  }

  /**
   * @param maxBodyBytes a request body over this is refused with 413 before it is read: a payload in
   *     it could not be sent on as a task later (the runtime's maximum payload)
   * @param updateWait how long an update request waits for its handler before answering 202
   */
  public WorkflowApi(WorkflowService service, ActivityApi activities, String defaultTaskQueue, Supplier<String> ids,
      long maxBodyBytes, Duration updateWait) {
    this.service = service;
    this.activities = activities;
    this.defaultTaskQueue = defaultTaskQueue;
    this.ids = ids;
    this.maxBodyBytes = maxBodyBytes;
    this.handlers = new HandlerApi(service, ids, DEFAULT_SETTLE, updateWait);
  }

  /** Answers a request; never throws (errors become {"error", "message"} bodies). */
  public ApiResponse handle(ApiRequest request) {
    try {
      refuseOversizedBody(request);
      return route(request);
    } catch (ApiException e) {
      return error(e.status(), e.code(), e.getMessage());
    } catch (WorkflowExecutionAlreadyStarted e) {
      return error(409, "ALREADY_STARTED", "workflow " + e.getExecution().getWorkflowId()
          + " already has an open run " + e.getExecution().getRunId());
    } catch (WorkflowNotFoundException e) {
      return error(404, "NOT_FOUND", "workflow " + describe(e.getExecution()) + " not found");
    } catch (WorkflowService.WorkflowClosedException e) {
      return error(409, "WORKFLOW_CLOSED", e.getMessage());
    } catch (WorkflowService.StaleActivityException e) {
      return error(404, "NOT_FOUND", e.getMessage());
    } catch (PayloadTooLargeException e) {
      return error(413, "PAYLOAD_TOO_LARGE", e.getMessage());
    }
  }

  private void refuseOversizedBody(ApiRequest r) {
    // a char takes at most three UTF-8 bytes: only a body that may be over the limit is measured
    if (r.body() != null && r.body().length() > maxBodyBytes / 4) {
      long bytes = r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (bytes > maxBodyBytes) {
        throw new PayloadTooLargeException("the request body", bytes, maxBodyBytes);
      }
    }
  }

  private static String describe(WorkflowExecution e) {
    return e.getRunId() == null || e.getRunId().isEmpty() ? e.getWorkflowId() : e.getWorkflowId() + " (run " + e.getRunId() + ")";
  }

  private ApiResponse route(ApiRequest r) {
    List<String> p = segments(r.path());
    String m = r.method();
    if (p.isEmpty()) {
      throw ApiException.notFound("no route " + m + " " + r.path());
    }
    if (p.get(0).equals("activities") && p.size() == 2) {
      requireMethod(m, "POST", r);
      return activities.handle(p.get(1), r.json());
    }
    if (!p.get(0).equals("workflows")) {
      throw ApiException.notFound("no route " + m + " " + r.path());
    }
    if (p.size() == 1) {
      return switch (m) {
        case "POST" -> start(r);
        case "GET" -> list(r);
        default -> throw methodNotAllowed(r);
      };
    }
    String id = p.get(1);
    String runId = r.query("runId");
    if (p.size() == 2) {
      requireMethod(m, "GET", r);
      return ApiResponse.ok(describe(service.resolve(id, runId)));
    }
    String action = p.get(2);
    if (p.size() == 3) {
      switch (action) {
        case "history" -> {
          requireMethod(m, "GET", r);
          return history(service.resolve(id, runId), r);
        }
        case "cancel" -> {
          requireMethod(m, "POST", r);
          service.requestCancel(id, runId);
          return new ApiResponse(202, null);
        }
        case "terminate" -> {
          requireMethod(m, "POST", r);
          JsonNode body = r.json();
          String reason = body.isObject() && body.hasNonNull("reason") ? body.get("reason").asText() : null;
          service.terminate(id, runId, reason);
          return new ApiResponse(202, null);
        }
        default -> throw ApiException.notFound("no route " + m + " " + r.path());
      }
    }
    if (p.size() == 4) {
      String name = p.get(3);
      if (action.equals("updates") && m.equals("GET")) {
        return handlers.updateOutcome(id, runId, name); // name is the update id here
      }
      requireMethod(m, "POST", r);
      switch (action) {
        case "signals" -> {
          service.signal(id, runId, name, StartBody.payloads(r.json()));
          return new ApiResponse(202, null);
        }
        case "queries" -> {
          return handlers.query(id, runId, name, r);
        }
        case "updates" -> {
          return handlers.update(id, runId, name, r);
        }
        default -> throw ApiException.notFound("no route " + m + " " + r.path());
      }
    }
    throw ApiException.notFound("no route " + m + " " + r.path());
  }

  private ApiResponse start(ApiRequest r) {
    JsonNode json = r.json();
    StartRequest request = StartBody.parse(json, defaultTaskQueue, ids);
    StartBody.StartUpdate update = StartBody.update(json);
    WorkflowExecution e;
    try {
      if (update != null) {
        return handlers.updateWithStart(request, update);
      }
      e = service.start(request); // with "signal", signal-with-start: the open run (or the new one) gets it
    } catch (IllegalArgumentException invalid) { // a cron schedule it cannot read, startDelay with cronSchedule
      throw ApiException.badRequest(invalid.getMessage());
    }
    ObjectNode body = JSON.createObjectNode().put("workflowId", e.getWorkflowId()).put("runId", e.getRunId());
    return new ApiResponse(201, body);
  }

  private ApiResponse list(ApiRequest r) {
    WorkflowExecutionStatus status = null;
    if (r.query("status") != null) {
      try {
        status = WorkflowExecutionStatus.fromShortName(r.query("status"));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("status: " + e.getMessage());
      }
    }
    // Every other parameter filters on a search attribute of that name.
    Map<String, Object> attrs = new HashMap<>();
    r.query().forEach((k, v) -> {
      if (!LIST_PARAMS.contains(k) && !k.equals("runId")) {
        attrs.put(k, v);
      }
    });
    HistoryStore.ExecutionPage page = service.store().list(new HistoryStore.ListQuery(status, r.query("workflowType"),
        attrs.isEmpty() ? null : attrs, r.intQuery("pageSize", 100, MAX_PAGE), r.query("nextPageToken")));
    ObjectNode body = JSON.createObjectNode();
    ArrayNode executions = body.putArray("executions");
    // one event per run for its memo, parent and execution time (a list is a person's or a tool's call, not a hot path)
    page.executions().forEach(e -> {
      List<HistoryEvent> first = service.store().readHistory(e.key(), 1, 1);
      executions.add(WorkflowViews.summary(e, first.isEmpty() ? null : first.get(0)));
    });
    body.put("nextPageToken", page.nextPageToken());
    return ApiResponse.ok(body);
  }

  private ObjectNode describe(ExecutionKey key) {
    ExecutionRecord rec = service.store().get(key).orElseThrow(() ->
        ApiException.notFound("workflow " + key.workflowId() + " (run " + key.runId() + ") not found"));
    List<HistoryEvent> first = service.store().readHistory(key, 1, 1);
    List<HistoryEvent> last = rec.isOpen() ? List.of() : service.store().readHistory(key, rec.lastEventId(), 1);
    ObjectNode d = WorkflowViews.describe(rec, first.isEmpty() ? null : first.get(0), last.isEmpty() ? null : last.get(0));
    if (rec.isOpen() && service.historyLimits().isWarning(rec.lastEventId())) {
      d.put("historyWarning", "history has " + rec.lastEventId() + " events; the run is terminated at "
          + service.historyLimits().maxEvents() + ": continue-as-new keeps it under the limit");
    }
    return d;
  }

  private ApiResponse history(ExecutionKey key, ApiRequest r) {
    int pageSize = r.intQuery("pageSize", MAX_PAGE, MAX_PAGE);
    long from = 1;
    String token = r.query("nextPageToken");
    if (token != null) {
      try {
        from = Long.parseLong(token);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("nextPageToken is not one this API returned: " + token);
      }
    }
    List<HistoryEvent> events = service.store().readHistory(key, from, pageSize);
    String next = events.size() == pageSize ? String.valueOf(events.get(events.size() - 1).eventId() + 1) : null;
    return ApiResponse.ok(WorkflowViews.history(events, next));
  }

  private static void requireMethod(String actual, String expected, ApiRequest r) {
    if (!actual.equals(expected)) {
      throw methodNotAllowed(r);
    }
  }

  private static ApiException methodNotAllowed(ApiRequest r) {
    return new ApiException(405, "METHOD_NOT_ALLOWED", r.method() + " is not allowed on " + r.path());
  }

  static ApiResponse error(int status, String code, String message) {
    return new ApiResponse(status, JSON.createObjectNode().put("error", code).put("message", message));
  }

  /** Path segments, URL-decoded, without a leading stage such as "v1" that a custom domain may keep. */
  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)); // "+" is literal in a path
      }
    }
    int i = out.indexOf("workflows") >= 0 ? out.indexOf("workflows") : out.indexOf("activities");
    return i > 0 ? out.subList(i, out.size()) : out;
  }
}
