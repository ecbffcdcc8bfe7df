package dev.cairn.internal.api;

import com.fasterxml.jackson.databind.JsonNode;

/** What a route answers: a status and a JSON body (null for none). */
public record ApiResponse(int status, JsonNode body) {
  public static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body);
  }
}
