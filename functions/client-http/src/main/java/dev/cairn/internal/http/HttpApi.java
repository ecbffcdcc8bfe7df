package dev.cairn.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cairn.client.WorkflowServiceException;
import dev.cairn.internal.history.HistoryJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON requests to Cairn's HTTP API (docs/http-api.md), signed when the stack wants SigV4. */
final class HttpApi {
  static final ObjectMapper JSON = HistoryJson.mapper();
  private static final dev.cairn.api.common.v1.WorkflowExecution NO_EXECUTION =
      dev.cairn.api.common.v1.WorkflowExecution.newBuilder().setWorkflowId("").build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final HttpClient http;
  private final RequestSigner signer;

  HttpApi(URI base, RequestSigner signer) {
    this.base = base;
    this.signer = signer;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** {@code host:port} means http (https if asked); a URL is taken as it is. */
  static URI baseUri(String target, boolean https) {
    String t = target.contains("://") ? target : (https ? "https://" : "http://") + target;
    return URI.create(t.endsWith("/") ? t.substring(0, t.length() - 1) : t);
  }

  URI base() {
    return base;
  }

  static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  ApiResponse get(String path) {
    return send("GET", path, null);
  }

  ApiResponse post(String path, JsonNode body) {
    return send("POST", path, body);
  }

  private ApiResponse send(String method, String path, JsonNode body) {
    URI uri = URI.create(base + path);
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write request body as JSON", e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
    signer.headers(method, uri, bytes).forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        values.forEach(v -> request.header(name, v));
      }
    });
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] b = response.body();
      JsonNode node = b == null || b.length == 0 ? MissingNode.getInstance() : JSON.readTree(b);
      return new ApiResponse(response.statusCode(), node);
    } catch (IOException e) {
      throw new WorkflowServiceException(NO_EXECUTION, null,
          new IOException("Cairn API at " + base + " unreachable: " + method + " " + path + ": " + e.getMessage(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkflowServiceException(NO_EXECUTION, null, e);
    }
  }
}
