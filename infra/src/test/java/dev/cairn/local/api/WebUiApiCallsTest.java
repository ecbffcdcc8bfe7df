package dev.cairn.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.local.ProjectPaths;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web UI's script calls only routes docs/http-api.md documents, so the page and the API cannot
 * drift apart silently: each {@code fetch} must be a literal path whose template is a documented GET.
 */
class WebUiApiCallsTest {
    private static final Pattern FETCH = Pattern.compile("\\bfetch\\s*\\(");
    /** fetch(`/path...`) or fetch("/path...") with no second argument: a GET. */
    private static final Pattern LITERAL_GET = Pattern.compile("\\s*([`\"'])(/[^`\"'?]*)(\\?[^`\"']*)?\\1\\s*\\)");
    private static final Pattern DOCUMENTED_ROUTE = Pattern.compile("^\\| `(GET|POST|PUT|DELETE|PATCH) (/[^`]*)` \\|", Pattern.MULTILINE);

    @Test
    void script_shouldCallOnlyDocumentedGetRoutes_whenParsedForFetchCalls() throws Exception {
        String script = resource("dev/cairn/local/ui/app.js");
        Set<String> documentedGets = documentedRoutes("GET");

        List<String> called = new ArrayList<>();
        Matcher fetch = FETCH.matcher(script);
        while (fetch.find()) {
            Matcher literal = LITERAL_GET.matcher(script).region(fetch.end(), script.length());
            assertTrue(literal.lookingAt(), "a fetch call that is not a literal GET path, at: "
                    + script.substring(fetch.start(), Math.min(script.length(), fetch.start() + 80)));
            called.add(template(literal.group(2)));
        }

        assertFalse(called.isEmpty(), "no fetch call found in app.js");
        for (String path : called) {
            assertTrue(documentedGets.contains(path), "app.js calls GET " + path + ", which docs/http-api.md does not list: " + documentedGets);
        }
        assertEquals(Set.of("/workflows", "/workflows/{}", "/workflows/{}/history"), new TreeSet<>(called),
                "the UI lists runs, describes one and reads its history");
    }

    @Test
    void script_shouldNeverWriteHtml_soApiValuesStayText() throws Exception {
        String script = resource("dev/cairn/local/ui/app.js");
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
            assertFalse(script.contains(sink), "app.js uses " + sink);
        }
    }

    private static Set<String> documentedRoutes(String method) throws Exception {
        String doc = Files.readString(ProjectPaths.root().resolve("docs/http-api.md"));
        Set<String> routes = new TreeSet<>();
        Matcher m = DOCUMENTED_ROUTE.matcher(doc);
        while (m.find()) {
            if (m.group(1).equals(method)) {
                routes.add(template(m.group(2)));
            }
        }
        assertTrue(routes.contains("/workflows"), "docs/http-api.md's route table was not found: " + routes);
        return routes;
    }

    /** "/workflows/{id}/history" and `/workflows/${encodeURIComponent(id)}/history` both become "/workflows/{}/history". */
    private static String template(String path) {
        return path.replaceAll("\\$\\{[^}]*}", "{}").replaceAll("\\{[^}]*}", "{}");
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = WebUiApiCallsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
