package dev.cairn.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The request the production reporter sends. No CodeDeploy endpoint exists here (moto has no
 * PutLifecycleEventHookExecutionStatus), so a loopback HTTP server stands in for it and records what
 * arrives: the JSON 1.1 target, the SigV4 signature's scope and the body CodeDeploy documents.
 */
class CodeDeployLifecycleHookReporterTest {
  record Received(Map<String, List<String>> headers, String body) {}

  HttpServer server;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger answer = new AtomicInteger(200);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      received.add(new Received(exchange.getRequestHeaders(), new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8)));
      byte[] body = (answer.get() == 200 ? "{}" : "{\"__type\":\"DeploymentDoesNotExistException\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.get(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  CodeDeployLifecycleHookReporter reporter() {
    return new CodeDeployLifecycleHookReporter(UrlConnectionHttpClient.builder().build(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), "eu-west-1",
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @Test
  void report_shouldSendSignedPutLifecycleEventHookExecutionStatus_whenHookEnds() throws Exception {
    reporter().report("d-ABC123", "hook-1", LifecycleHookReporter.Status.Failed);
    assertEquals(1, received.size());
    Received r = received.get(0);
    assertEquals(List.of("CodeDeploy_20141006.PutLifecycleEventHookExecutionStatus"), r.headers().get("X-amz-target"));
    assertEquals(List.of("application/x-amz-json-1.1"), r.headers().get("Content-type"));
    String auth = r.headers().get("Authorization").get(0);
    assertTrue(auth.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") && auth.contains("/eu-west-1/codedeploy/aws4_request"),
        auth);
    JsonNode body = new ObjectMapper().readTree(r.body());
    assertEquals("d-ABC123", body.path("deploymentId").asText());
    assertEquals("hook-1", body.path("lifecycleEventHookExecutionId").asText());
    assertEquals("Failed", body.path("status").asText());
  }

  @Test
  void report_shouldThrowWithCodeDeploysAnswer_whenCallIsRefused() {
    answer.set(400);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> reporter().report("d-ABC123", "hook-1", LifecycleHookReporter.Status.Succeeded));
    assertTrue(e.getMessage().contains("400") && e.getMessage().contains("DeploymentDoesNotExistException"), e.getMessage());
  }

  @Test
  void publicEndpoint_shouldFollowTheRegionsPartition_whenNoOverride() {
    assertEquals(URI.create("https://codedeploy.eu-west-1.amazonaws.com"), CodeDeployLifecycleHookReporter.publicEndpoint("eu-west-1"));
    assertEquals(URI.create("https://codedeploy.cn-north-1.amazonaws.com.cn"),
        CodeDeployLifecycleHookReporter.publicEndpoint("cn-north-1"));
  }
}
