package dev.cairn.local.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's routing of a REST API's resources: path templates with {@code {name}} and a final
 * {@code {name+}} (greedy), matched segment by segment. When several match, the most specific wins
 * as in API Gateway: a literal segment before a {@code {name}}, that before a greedy one; a route of
 * the request's method before an ANY route. A trailing slash is ignored.
 */
final class RouteTable<T> {
    /** A route that matched, with its path parameters (decoded). */
    record Match<T>(String resource, T target, Map<String, String> pathParameters) {}

    private record Route<T>(String resource, String method, List<Segment> segments, T target) {}

    private enum Kind { LITERAL, PARAMETER, GREEDY }

    private record Segment(Kind kind, String text) {}

    private final List<Route<T>> routes = new ArrayList<>();

    void add(String resource, String method, T target) {
        List<Segment> segments = new ArrayList<>();
        String[] parts = split(resource);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("{") && p.endsWith("+}")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException(resource + ": a greedy {name+} must be the last segment");
                }
                segments.add(new Segment(Kind.GREEDY, p.substring(1, p.length() - 2)));
            } else if (p.startsWith("{") && p.endsWith("}")) {
                segments.add(new Segment(Kind.PARAMETER, p.substring(1, p.length() - 1)));
            } else {
                segments.add(new Segment(Kind.LITERAL, p));
            }
        }
        String m = method.toUpperCase(Locale.ROOT);
        for (Route<T> r : routes) {
            if (r.resource.equals(resource) && r.method.equals(m)) {
                throw new IllegalArgumentException("two routes for " + m + " " + resource);
            }
        }
        routes.add(new Route<>(resource, m, List.copyOf(segments), target));
    }

    /** The route for a request path (raw, percent-encoded) and method. */
    Optional<Match<T>> match(String method, String rawPath) {
        String[] parts = split(rawPath);
        String m = method.toUpperCase(Locale.ROOT);
        List<Match<T>> matches = new ArrayList<>();
        List<Route<T>> matched = new ArrayList<>();
        for (Route<T> r : routes) {
            if (!r.method.equals(m) && !r.method.equals("ANY")) {
                continue;
            }
            Map<String, String> params = bind(r.segments, parts);
            if (params != null) {
                matched.add(r);
                matches.add(new Match<>(r.resource, r.target, params));
            }
        }
        return matched.stream()
                .min(Comparator.<Route<T>, String>comparing(RouteTable::specificity).thenComparing(r -> r.method.equals("ANY")))
                .map(best -> matches.get(matched.indexOf(best)));
    }

    /** Orders routes: literal (0) before parameter (1) before greedy (2), segment by segment. */
    private static String specificity(Route<?> r) {
        StringBuilder s = new StringBuilder();
        r.segments.forEach(seg -> s.append(seg.kind.ordinal()));
        return s.append('9').toString();
    }

    private static Map<String, String> bind(List<Segment> segments, String[] parts) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment seg = segments.get(i);
            if (seg.kind == Kind.GREEDY) {
                if (i >= parts.length) {
                    return null; // {proxy+} needs at least one segment
                }
                params.put(seg.text, decode(String.join("/", Arrays.copyOfRange(parts, i, parts.length))));
                return params;
            }
            if (i >= parts.length) {
                return null;
            }
            if (seg.kind == Kind.LITERAL) {
                if (!seg.text.equals(decode(parts[i]))) {
                    return null;
                }
            } else {
                params.put(seg.text, decode(parts[i]));
            }
        }
        return segments.size() == parts.length ? params : null;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /** Percent-decoding of a path segment ('+' is a plus in a path, not a space). */
    static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
