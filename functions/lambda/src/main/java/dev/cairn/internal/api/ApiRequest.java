package dev.cairn.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.cairn.internal.history.HistoryJson;
import java.util.Map;

/**
 * A request as the routes see it, whatever carried it (API Gateway proxy event, local HTTP server):
 * method, path split into segments, query parameters and the raw body.
 */
public record ApiRequest(String method, String path, Map<String, String> query, String body) {
  public ApiRequest {
    query = query == null ? Map.of() : Map.copyOf(query);
    path = path == null ? "/" : path;
    method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
  }

  /** The body as JSON; empty body is JSON null. */
  public JsonNode json() {
    if (body == null || body.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return HistoryJson.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  public String query(String name) {
    String v = query.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  public int intQuery(String name, int defaultValue, int max) {
    String v = query(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > max) {
        throw ApiException.badRequest(name + " must be between 1 and " + max + ", got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a number, got \"" + v + "\"");
    }
  }
}
