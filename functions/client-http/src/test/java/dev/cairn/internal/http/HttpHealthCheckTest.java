package dev.cairn.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowClientOptions;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.serviceclient.WorkflowServiceStubsOptions;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** healthCheck over HTTP: one list request the API must answer with 200. */
class HttpHealthCheckTest {

  @Test
  void healthCheck_shouldPassOn200AndFailNamingTheStatus_whenTheApiAnswersOtherwise() throws Exception {
    AtomicInteger status = new AtomicInteger(200);
    List<String> asked = new CopyOnWriteArrayList<>();
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext("/", exchange -> {
      asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      byte[] body = "{\"executions\":[]}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status.get(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    api.start();
    try {
      WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
          .setTarget("127.0.0.1:" + api.getAddress().getPort()).build());
      WorkflowClient client = WorkflowClient.newInstance(service,
          WorkflowClientOptions.newBuilder().setNamespace("shop").build());
      assertSame(service, client.getWorkflowServiceStubs());
      assertEquals("shop", client.getOptions().getNamespace());

      client.getWorkflowServiceStubs().healthCheck();
      assertEquals(List.of("GET /workflows?pageSize=1"), asked);

      status.set(503);
      IllegalStateException e = assertThrows(IllegalStateException.class, service::healthCheck);
      assertTrue(e.getMessage().contains("503"), e.getMessage());

      service.shutdown();
      assertThrows(IllegalStateException.class, service::healthCheck);
      assertEquals(2, asked.size(), "a shut-down stub sends nothing");
    } finally {
      api.stop(0);
    }
  }
}
