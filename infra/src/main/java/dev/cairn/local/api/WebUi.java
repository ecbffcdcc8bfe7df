package dev.cairn.local.api;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local runtime's web UI: static files under {@code dev/cairn/local/ui/} on the class path,
 * served at {@code /ui} ({@code index.html}) and {@code /ui/NAME}; {@code /} redirects to {@code /ui}.
 * The page reads the HTTP API from the same origin; API Gateway does not serve it.
 *
 * <p>A file name must be a plain name ({@link #ASSET_NAME}), so no request path can reach outside
 * the folder: anything else is not the UI's and gets the API's JSON 404.
 */
final class WebUi {
    static final String PATH = "/ui";
    /** Same origin only: no inline script or style, no framing, no other hosts (the page works offline). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    private static final String FOLDER = "dev/cairn/local/ui/";
    private static final Pattern ASSET_NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(html|js|css)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    /** What the UI answers for a request: a file, or a redirect to the page. */
    sealed interface Answer {}

    record File(String contentType, byte[] body) implements Answer {}

    record Redirect(String location) implements Answer {}

    private WebUi() {}

    /** The UI's answer for a GET or HEAD of {@code rawPath}, or empty when the path is not the UI's. */
    static Optional<Answer> answer(String method, String rawPath) {
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.equals("GET") && !m.equals("HEAD")) {
            return Optional.empty();
        }
        if (rawPath.equals("/") || rawPath.isEmpty()) {
            return Optional.of(new Redirect(PATH));
        }
        if (rawPath.equals(PATH) || rawPath.equals(PATH + "/")) {
            return file("index.html");
        }
        if (rawPath.startsWith(PATH + "/")) {
            String name = rawPath.substring(PATH.length() + 1);
            return ASSET_NAME.matcher(name).matches() ? file(name) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The headers every UI file is sent with. */
    static void secure(Headers headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-cache");
    }

    private static Optional<Answer> file(String name) {
        try (InputStream in = WebUi.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new File(CONTENT_TYPES.get(extension), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web UI's " + name, e);
        }
    }
}
