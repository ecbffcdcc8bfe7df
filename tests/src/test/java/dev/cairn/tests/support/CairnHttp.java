package dev.cairn.tests.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A user's view of Cairn: its HTTP API, called as curl would, with waits that have deadlines. */
public final class CairnHttp {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(20);

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public CairnHttp(URI base) {
    this.base = base;
  }

  /** The base may carry a path (API Gateway's stage, LocalStack's _user_request_): keep it. */
  private URI resolve(String path) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + (path.startsWith("/") ? path : "/" + path));
  }

  public URI base() {
    return base;
  }

  /** A response: status, raw body, and the body as JSON (null when empty). */
  public record Reply(int status, String raw, JsonNode body) {
    public String text(String field) {
      return body == null || body.get(field) == null ? null : body.get(field).asText();
    }

    @Override
    public String toString() {
      return status + " " + raw;
    }
  }

  public Reply post(String path, String json) {
    return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).GET());
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      String raw = r.body() == null ? "" : r.body();
      return new Reply(r.statusCode(), raw, raw.isBlank() ? null : parse(raw));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String raw) {
    try {
      return JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new AssertionError("the API answered with a body that is not JSON: " + raw, e);
    }
  }

  /** The start request's body: {"workflowType", "workflowId", "input"}. */
  public static ObjectNode startBody(String workflowType, String workflowId, Object... input) {
    ObjectNode body = JSON.createObjectNode().put("workflowType", workflowType).put("workflowId", workflowId);
    body.set("input", JSON.valueToTree(input));
    return body;
  }

  /** POST /workflows as is; the caller checks the answer. */
  public Reply tryStart(String body) {
    return post("/workflows", body);
  }

  /** Starts a workflow and returns its run id; fails the test unless the API answers 201. */
  public String start(String workflowType, String workflowId, Object... input) {
    Reply r = tryStart(startBody(workflowType, workflowId, input).toString());
    if (r.status() != 201) {
      throw new AssertionError("start " + workflowType + " " + workflowId + " answered " + r);
    }
    return r.text("runId");
  }

  /** GET /workflows/{id} as is. */
  public Reply tryDescribe(String workflowId) {
    return get("/workflows/" + enc(workflowId));
  }

  public JsonNode describe(String workflowId) {
    Reply r = tryDescribe(workflowId);
    if (r.status() != 200) {
      throw new AssertionError("describe " + workflowId + " answered " + r);
    }
    return r.body();
  }

  /** Every event of the latest run, following page tokens. */
  public List<JsonNode> history(String workflowId) {
    return history(workflowId, 1000);
  }

  public List<JsonNode> history(String workflowId, int pageSize) {
    List<JsonNode> events = new ArrayList<>();
    String token = null;
    do {
      Reply r = get("/workflows/" + enc(workflowId) + "/history?pageSize=" + pageSize
          + (token == null ? "" : "&nextPageToken=" + enc(token)));
      if (r.status() != 200) {
        throw new AssertionError("history of " + workflowId + " answered " + r);
      }
      r.body().get("events").forEach(events::add);
      JsonNode next = r.body().get("nextPageToken");
      token = next == null || next.isNull() ? null : next.asText();
    } while (token != null);
    return events;
  }

  /** The history exactly as the API serves it, every page's body concatenated: for byte-for-byte comparisons. */
  public String rawHistory(String workflowId) {
    StringBuilder pages = new StringBuilder();
    String token = null;
    do {
      Reply r = get("/workflows/" + enc(workflowId) + "/history" + (token == null ? "" : "?nextPageToken=" + enc(token)));
      if (r.status() != 200) {
        throw new AssertionError("history of " + workflowId + " answered " + r);
      }
      pages.append(r.raw()).append('\n');
      JsonNode next = r.body().get("nextPageToken");
      token = next == null || next.isNull() ? null : next.asText();
    } while (token != null);
    return pages.toString();
  }

  public static List<String> eventTypes(List<JsonNode> events) {
    return events.stream().map(e -> e.get("eventType").asText()).toList();
  }

  /** Waits until the run's describe satisfies {@code done}; fails with the last describe at the deadline. */
  public JsonNode awaitDescribe(String workflowId, Duration timeout, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      Reply r = tryDescribe(workflowId);
      if (r.status() == 200) {
        last = r.body();
        if (done.test(last)) {
          return last;
        }
      }
      Poll.pause(POLL);
    }
    throw new AssertionError("workflow " + workflowId + " did not get there within " + timeout + "; last describe: " + last);
  }

  /** Waits until the run is closed and returns its describe. */
  public JsonNode awaitClosed(String workflowId, Duration timeout) {
    return awaitDescribe(workflowId, timeout, d -> !"RUNNING".equals(d.path("status").asText()));
  }

  /** Waits until the run completed and returns its describe; fails at once if it closed otherwise. */
  public JsonNode awaitCompleted(String workflowId, Duration timeout) {
    JsonNode d = awaitClosed(workflowId, timeout);
    if (!"COMPLETED".equals(d.path("status").asText())) {
      throw new AssertionError("workflow " + workflowId + " closed as " + d.path("status").asText() + ": " + d);
    }
    return d;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
