package dev.cairn.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.internal.local.Await;
import dev.cairn.local.ProjectPaths;
import dev.cairn.local.events.EventPattern;
import dev.cairn.local.events.LocalEventBus;
import dev.cairn.local.lambda.LocalFunction;
import dev.cairn.local.template.SamTemplate;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API over the template's real routes, with a handler that shows what it was given. */
class LocalRestApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicReference<APIGatewayProxyRequestEvent> lastRequest = new AtomicReference<>();
    private static final ConcurrentLinkedQueue<ScheduledEvent> startedEvents = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<ScheduledEvent> auditedEvents = new ConcurrentLinkedQueue<>();
    private static LocalRestApi api;
    private static LocalEventBus bus;

    /** Answers 201 with the path parameters and a header, or throws for workflow id "boom". */
    static final class EchoHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
            lastRequest.set(request);
            if (request.getPathParameters() != null && "boom".equals(request.getPathParameters().get("id"))) {
                throw new IllegalStateException("handler failed");
            }
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(201)
                    .withHeaders(Map.of("X-Function", context.getFunctionName()))
                    .withBody("{\"resource\":\"" + request.getResource() + "\"}");
        }
    }

    /** An EventBridge target that keeps the events it gets. */
    record Collecting(ConcurrentLinkedQueue<ScheduledEvent> into) implements RequestHandler<ScheduledEvent, Void> {
        @Override
        public Void handleRequest(ScheduledEvent event, Context context) {
            into.add(event);
            return null;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        LocalFunction function = LocalFunction.of("ApiFunction", Duration.ofSeconds(29), new EchoHandler(), Clock.systemUTC());
        List<LocalRestApi.Route> routes = template.function("ApiFunction").apiEvents().stream()
                .map(e -> new LocalRestApi.Route(e.path(), e.method(), function)).toList();
        bus = new LocalEventBus(List.of(
                new LocalEventBus.Rule("StartOnOrder", EventPattern.compile(JSON.readTree("""
                        {"source": ["shop.orders"], "detail-type": ["OrderPlaced"], "detail": {"total": [{"numeric": [">", 100]}]}}""")),
                        LocalFunction.of("StartFunction", Duration.ofSeconds(5), new Collecting(startedEvents), Clock.systemUTC()), Optional.empty()),
                new LocalEventBus.Rule("Audit", EventPattern.compile(JSON.readTree("""
                        {"source": [{"prefix": "audit."}]}""")),
                        LocalFunction.of("AuditFunction", Duration.ofSeconds(5), new Collecting(auditedEvents), Clock.systemUTC()), Optional.empty())),
                Clock.systemUTC());
        api = LocalRestApi.start(0, "v1", routes, Optional.of(bus), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void request_shouldReachHandlerAsProxyEvent_withPathParametersAndQueryStrings() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api.url().resolve(
                        "/workflows/order%2042/signals/approve?x=1&x=2&note=a%20b"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[\"yes\"]")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(201, response.statusCode());
        assertEquals("{\"resource\":\"/workflows/{id}/signals/{name}\"}", response.body());
        assertEquals(Optional.of("ApiFunction"), response.headers().firstValue("X-Function"));
        APIGatewayProxyRequestEvent e = lastRequest.get();
        assertEquals("POST", e.getHttpMethod());
        assertEquals("/workflows/order 42/signals/approve", e.getPath());
        assertEquals("/workflows/{id}/signals/{name}", e.getResource());
        assertEquals(Map.of("id", "order 42", "name", "approve"), e.getPathParameters());
        assertEquals(Map.of("x", "2", "note", "a b"), e.getQueryStringParameters());
        assertEquals(Map.of("x", List.of("1", "2"), "note", List.of("a b")), e.getMultiValueQueryStringParameters());
        assertEquals("[\"yes\"]", e.getBody());
        assertEquals(false, e.getIsBase64Encoded());
        assertEquals("application/json", e.getHeaders().get("Content-type"));
        assertEquals("v1", e.getRequestContext().getStage());
        assertEquals("/workflows/{id}/signals/{name}", e.getRequestContext().getResourcePath());
        assertEquals("/v1/workflows/order 42/signals/approve", e.getRequestContext().getPath());
        assertEquals("127.0.0.1", e.getRequestContext().getIdentity().getSourceIp());
    }

    @Test
    void request_shouldPreferLiteralRoute_andPassNoQueryMaps_whenThereIsNoQuery() throws Exception {
        HttpResponse<String> response = get("/workflows/wf-1/history");
        assertEquals(201, response.statusCode());
        APIGatewayProxyRequestEvent e = lastRequest.get();
        assertEquals("/workflows/{id}/history", e.getResource());
        assertEquals(Map.of("id", "wf-1"), e.getPathParameters());
        assertNull(e.getQueryStringParameters());
        assertNull(e.getMultiValueQueryStringParameters());
        assertNull(e.getBody());

        get("/workflows");
        assertEquals("/workflows", lastRequest.get().getResource());
        assertNull(lastRequest.get().getPathParameters());
    }

    @Test
    void request_shouldAnswer404Json_whenNoRouteMatches() throws Exception {
        HttpResponse<String> unknownPath = get("/nowhere/at/all");
        assertEquals(404, unknownPath.statusCode());
        JsonNode body = JSON.readTree(unknownPath.body());
        assertEquals("NOT_FOUND", body.get("error").asText());
        assertTrue(body.get("message").asText().contains("/nowhere/at/all"), body.toString());

        HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(api.url().resolve("/workflows/wf-1"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, wrongMethod.statusCode());
    }

    @Test
    void request_shouldAnswer500Json_whenHandlerThrows() throws Exception {
        HttpResponse<String> response = get("/workflows/boom");
        assertEquals(500, response.statusCode());
        assertEquals("INTERNAL", JSON.readTree(response.body()).get("error").asText());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
    }

    @Test
    void postEvents_shouldInvokeOnlyMatchingRulesFunction() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api.url().resolve(LocalRestApi.EVENTS_PATH))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"Entries": [{"Source": "shop.orders", "DetailType": "OrderPlaced", "Detail": "{\\"total\\": 250, \\"id\\": \\"o-1\\"}"},
                                     {"Source": "shop.orders", "DetailType": "OrderPlaced", "Detail": "{\\"total\\": 50, \\"id\\": \\"o-2\\"}"}]}
                        """)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = JSON.readTree(response.body());
        assertEquals(0, result.get("FailedEntryCount").asInt());
        assertEquals(2, result.get("Entries").size());
        ScheduledEvent started = Await.until(Duration.ofSeconds(10), "the matching rule's function to run",
                () -> Optional.ofNullable(startedEvents.peek()));
        assertEquals("o-1", started.getDetail().get("id"));
        assertEquals("OrderPlaced", started.getDetailType());
        assertEquals("shop.orders", started.getSource());
        assertEquals(1, bus.deliveries("StartOnOrder"), "the order of 50 matched no rule");
        assertEquals(0, bus.deliveries("Audit"));
        assertTrue(auditedEvents.isEmpty());
    }

    @Test
    void postEvents_shouldReportMalformedEntries_andRefuseMalformedRequests() throws Exception {
        HttpResponse<String> partly = post(LocalRestApi.EVENTS_PATH, """
                {"Entries": [{"Source": "audit.x", "DetailType": "T", "Detail": "not json"}]}""");
        assertEquals(200, partly.statusCode());
        JsonNode result = JSON.readTree(partly.body());
        assertEquals(1, result.get("FailedEntryCount").asInt());
        assertEquals("MalformedDetail", result.get("Entries").get(0).get("ErrorCode").asText());

        HttpResponse<String> malformed = post(LocalRestApi.EVENTS_PATH, "{\"Entries\": []}");
        assertEquals(400, malformed.statusCode());
        assertEquals("BAD_REQUEST", JSON.readTree(malformed.body()).get("error").asText());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(api.url().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(api.url().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
