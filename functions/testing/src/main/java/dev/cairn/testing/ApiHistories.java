package dev.cairn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The histories of the running workflows of a Cairn HTTP API ({@code ./cairn local}, or a stack
 * reached without SigV4): {@code GET /workflows?status=RUNNING}, newest first, then each run's
 * {@code GET /workflows/{id}/history?runId=}, its pages merged into one {@code {"events": [...]}}.
 */
final class ApiHistories {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String base;

  ApiHistories(String baseUrl) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** At most {@code limit} running runs, newest first. */
  List<SavedHistory> running(int limit) {
    List<SavedHistory> out = new ArrayList<>();
    String token = null;
    do {
      JsonNode page = get("/workflows?status=RUNNING&pageSize=" + Math.min(100, limit) + tokenParam(token, "&"));
      for (JsonNode run : page.path("executions")) {
        if (out.size() == limit) {
          return out;
        }
        String id = run.path("workflowId").asText();
        String runId = run.path("runId").asText();
        out.add(new SavedHistory(base + "/workflows/" + id + " (run " + runId + ")", id, runId, history(id, runId)));
      }
      token = page.path("nextPageToken").isTextual() ? page.path("nextPageToken").asText() : null;
    } while (token != null && out.size() < limit);
    return out;
  }

  private String history(String workflowId, String runId) {
    ObjectNode merged = JSON.createObjectNode();
    ArrayNode events = merged.putArray("events");
    String token = null;
    do {
      JsonNode page = get("/workflows/" + encode(workflowId) + "/history?runId=" + encode(runId) + tokenParam(token, "&"));
      page.path("events").forEach(events::add);
      token = page.path("nextPageToken").isTextual() ? page.path("nextPageToken").asText() : null;
    } while (token != null);
    return merged.toString();
  }

  private JsonNode get(String pathAndQuery) {
    URI uri = URI.create(base + pathAndQuery);
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + uri + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + uri, e);
    }
  }

  private static String tokenParam(String token, String sep) {
    return token == null ? "" : sep + "nextPageToken=" + encode(token);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
