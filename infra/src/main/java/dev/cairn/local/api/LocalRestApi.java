package dev.cairn.local.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.local.events.LocalEventBus;
import dev.cairn.local.lambda.FunctionInvocationException;
import dev.cairn.local.lambda.LocalFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's REST API on 127.0.0.1: each request is routed by the template's {@code Api} events
 * and handed to the function as API Gateway's proxy integration would hand it; the function's
 * {@link APIGatewayProxyResponseEvent} becomes the HTTP response. Also serves the local-only
 * {@code POST /events} (EventBridge PutEvents) when given an event bus, and the web UI at {@code /ui}
 * ({@link WebUi}; {@code /} redirects there) on paths no route of the template takes.
 *
 * <p>Errors are JSON {@code {"error", "message"}}: an unknown route is 404 NOT_FOUND (API Gateway
 * answers 403 "Missing Authentication Token"); a handler that throws is 500 INTERNAL (API Gateway
 * answers 502); a handler past its Timeout is 504 TIMEOUT; a response without a status code is 502
 * MALFORMED_RESPONSE.
 */
public final class LocalRestApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalRestApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String EVENTS_PATH = "/events";

    /** A route of the template: its path template, method (or ANY) and the function behind it. */
    public record Route(String path, String method, LocalFunction function) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable<LocalFunction> routes = new RouteTable<>();
    private final Optional<LocalEventBus> events;
    private final String stage;
    private final Clock clock;

    private LocalRestApi(int port, String stage, List<Route> routes, Optional<LocalEventBus> events, Clock clock) throws IOException {
        routes.forEach(r -> this.routes.add(r.path(), r.method(), r.function()));
        this.events = events;
        this.stage = stage;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * Serves on 127.0.0.1:{@code port} (0: a free port, see {@link #port()}).
     *
     * @param stage the API's stage name, as the request context reports it (the template's StageName)
     */
    public static LocalRestApi start(int port, String stage, List<Route> routes, Optional<LocalEventBus> events, Clock clock) {
        try {
            return new LocalRestApi(port, stage, routes, events, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the REST API on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            if (events.isPresent() && method.equalsIgnoreCase("POST") && rawPath.equals(EVENTS_PATH)) {
                putEvents(exchange, events.get(), body);
                return;
            }
            Optional<RouteTable.Match<LocalFunction>> route = routes.match(method, rawPath);
            if (route.isEmpty()) {
                // The web UI only where no API route matched: it can never shadow one.
                Optional<WebUi.Answer> ui = WebUi.answer(method, rawPath);
                if (ui.isPresent()) {
                    sendUi(exchange, ui.get());
                    return;
                }
                error(exchange, 404, "NOT_FOUND", "no route for " + method + " " + exchange.getRequestURI().getPath());
                return;
            }
            invoke(exchange, route.get(), body);
        } catch (IOException | RuntimeException e) {
            log.warn("request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    private void invoke(HttpExchange exchange, RouteTable.Match<LocalFunction> route, byte[] body) throws IOException {
        String requestId = UUID.randomUUID().toString();
        APIGatewayProxyRequestEvent event = ApiGatewayEvents.of(exchange, route, stage, requestId, clock.instant(), body);
        LocalFunction function = route.target();
        Object result;
        try {
            result = function.invoke(event);
        } catch (FunctionInvocationException e) {
            if (e.timedOut()) {
                error(exchange, 504, "TIMEOUT", e.getMessage());
            } else {
                log.warn("{} {}: {}", event.getHttpMethod(), event.getPath(), e.getMessage(), e.getCause());
                error(exchange, 500, "INTERNAL", e.getMessage());
            }
            return;
        }
        if (!(result instanceof APIGatewayProxyResponseEvent response) || response.getStatusCode() == null) {
            error(exchange, 502, "MALFORMED_RESPONSE", function.name() + " returned " + result
                    + ", not an APIGatewayProxyResponseEvent with a statusCode");
            return;
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        // API Gateway's default content type for a Lambda proxy response.
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        byte[] out = response.getBody() == null ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        send(exchange, response.getStatusCode(), out);
    }

    private void putEvents(HttpExchange exchange, LocalEventBus bus, byte[] body) throws IOException {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            error(exchange, 400, "BAD_REQUEST", "the body is not JSON: " + e.getMessage());
            return;
        }
        try {
            byte[] response = JSON.writeValueAsBytes(bus.putEvents(request));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            send(exchange, 200, response);
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "BAD_REQUEST", e.getMessage());
        }
    }

    private static void sendUi(HttpExchange exchange, WebUi.Answer answer) throws IOException {
        switch (answer) {
            case WebUi.Redirect r -> {
                exchange.getResponseHeaders().set("Location", r.location());
                send(exchange, 302, new byte[0]);
            }
            case WebUi.File f -> {
                WebUi.secure(exchange.getResponseHeaders());
                exchange.getResponseHeaders().set("Content-Type", f.contentType());
                send(exchange, 200, f.body());
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        ObjectNode error = JSON.createObjectNode().put("error", code).put("message", message);
        send(exchange, status, JSON.writeValueAsBytes(error));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || status == 204 || status == 304 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
