package dev.cairn.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.local.ProjectPaths;
import dev.cairn.local.lambda.LocalFunction;
import dev.cairn.local.template.SamTemplate;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web UI on the local REST API, beside the template's real routes (answered by an echo function). */
class LocalRestApiWebUiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirects
    private static LocalRestApi api;

    /** Answers 200 with the matched resource, so a test sees which route took a request. */
    static final class ResourceEcho implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("{\"resource\":\"" + request.getResource() + "\"}");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        api = LocalRestApi.start(0, "v1", templateRoutes(), Optional.empty(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void getUi_shouldServeThePage_asHtmlWithSameOriginPolicy() throws Exception {
        for (String path : List.of("/ui", "/ui/")) {
            HttpResponse<String> page = get(path);
            assertEquals(200, page.statusCode(), path);
            assertEquals(Optional.of("text/html; charset=utf-8"), page.headers().firstValue("Content-Type"));
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.startsWith("default-src 'self'"), policy);
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval") || policy.contains("http"), policy);
            assertEquals(Optional.of("nosniff"), page.headers().firstValue("X-Content-Type-Options"));
            assertTrue(page.body().contains("<script src=\"/ui/app.js\""), page.body());
            assertFalse(page.body().matches("(?s).*<script>.*"), "no inline script: the policy would block it");
        }
    }

    @Test
    void getUiAsset_shouldServeScriptAndStyle_withTheirContentTypes() throws Exception {
        HttpResponse<String> script = get("/ui/app.js");
        assertEquals(200, script.statusCode());
        assertEquals(Optional.of("text/javascript; charset=utf-8"), script.headers().firstValue("Content-Type"));
        assertTrue(script.body().contains("fetch(`/workflows"), "the script reads the API");
        assertTrue(script.headers().firstValue("Content-Security-Policy").isPresent());

        HttpResponse<String> style = get("/ui/app.css");
        assertEquals(200, style.statusCode());
        assertEquals(Optional.of("text/css; charset=utf-8"), style.headers().firstValue("Content-Type"));
    }

    @Test
    void getRoot_shouldRedirectToUi() throws Exception {
        HttpResponse<String> root = get("/");
        assertEquals(302, root.statusCode());
        assertEquals(Optional.of("/ui"), root.headers().firstValue("Location"));
    }

    @Test
    void apiRoutes_shouldStillReachTheFunction_whenTheUiIsServed() throws Exception {
        assertEquals("/workflows", resourceOf(get("/workflows?status=RUNNING")));
        assertEquals("/workflows/{id}", resourceOf(get("/workflows/ui")));
        assertEquals("/workflows/{id}/history", resourceOf(get("/workflows/ui/history")));
    }

    @Test
    void uiRoute_shouldNotShadowApiRoute_whenTheTemplateHasOneAtTheSamePath() throws Exception {
        List<LocalRestApi.Route> routes = Stream.concat(templateRoutes().stream(),
                Stream.of(new LocalRestApi.Route("/ui", "GET", echo()), new LocalRestApi.Route("/", "GET", echo()))).toList();
        try (LocalRestApi shadowing = LocalRestApi.start(0, "v1", routes, Optional.empty(), Clock.systemUTC())) {
            assertEquals("/ui", resourceOf(HTTP.send(HttpRequest.newBuilder(shadowing.url().resolve("/ui")).build(),
                    HttpResponse.BodyHandlers.ofString())));
            assertEquals("/", resourceOf(HTTP.send(HttpRequest.newBuilder(shadowing.url().resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString())));
        }
    }

    @Test
    void unknownPath_shouldStillAnswerJson404_includingUnknownUiFilesAndOtherMethods() throws Exception {
        assertJson404(get("/nowhere"));
        assertJson404(get("/ui/missing.js"));
        assertJson404(get("/ui/index.html.bak"));
        assertJson404(HTTP.send(HttpRequest.newBuilder(api.url().resolve("/ui"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void uiAssetPath_shouldNotEscapeTheUiFolder_whenItClimbsOrNamesOtherResources() throws Exception {
        // Sent on a raw socket: an HTTP client would normalise the dots away before sending.
        for (String path : List.of("/ui/../../etc/passwd", "/ui/..%2f..%2fetc%2fpasswd", "/ui/%2e%2e/%2e%2e/etc/passwd",
                "/ui//etc/passwd", "/ui/../../../../../../../../etc/passwd", "/ui/..\\..\\etc\\passwd",
                "/ui/dev/cairn/local/ui/app.js", "/ui/../api/LocalRestApi.class", "/ui/META-INF/MANIFEST.MF")) {
            String response = rawGet(path);
            assertTrue(response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400"), path + " answered " + response);
            assertFalse(response.contains("root:"), path + " leaked a file: " + response);
            assertFalse(response.contains("Content-Security-Policy"), path + " was served as a UI file: " + response);
        }
    }

    private static List<LocalRestApi.Route> templateRoutes() throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        LocalFunction function = echo();
        return template.function("ApiFunction").apiEvents().stream()
                .map(e -> new LocalRestApi.Route(e.path(), e.method(), function)).toList();
    }

    private static LocalFunction echo() {
        return LocalFunction.of("ApiFunction", Duration.ofSeconds(29), new ResourceEcho(), Clock.systemUTC());
    }

    private static String resourceOf(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("resource").asText();
    }

    private static void assertJson404(HttpResponse<String> response) throws Exception {
        assertEquals(404, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("NOT_FOUND", body.get("error").asText());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(api.url().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rawGet(String path) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
