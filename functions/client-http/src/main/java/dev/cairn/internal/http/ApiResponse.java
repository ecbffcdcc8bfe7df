package dev.cairn.internal.http;

import com.fasterxml.jackson.databind.JsonNode;

/** One answer of the HTTP API: its status and JSON body (a missing node when empty). */
record ApiResponse(int status, JsonNode body) {
  boolean ok() {
    return status / 100 == 2;
  }

  String errorCode() {
    return body.path("error").asText("");
  }

  String message() {
    return body.path("message").asText("HTTP " + status);
  }
}
