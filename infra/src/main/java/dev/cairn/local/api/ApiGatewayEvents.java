package dev.cairn.local.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as API Gateway's REST proxy integration hands it to Lambda: an
 * {@link APIGatewayProxyRequestEvent} with the matched resource, decoded path and query parameters
 * (single- and multi-valued; null when there are none, as API Gateway sends), headers, the body as
 * text and a request context naming the stage.
 */
final class ApiGatewayEvents {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {}

    static APIGatewayProxyRequestEvent of(HttpExchange exchange, RouteTable.Match<?> route, String stage, String requestId,
                                          Instant now, byte[] body) {
        APIGatewayProxyRequestEvent e = new APIGatewayProxyRequestEvent();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        e.setHttpMethod(method);
        e.setPath(path);
        e.setResource(route.resource());
        e.setPathParameters(route.pathParameters().isEmpty() ? null : route.pathParameters());
        Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
        e.setMultiValueQueryStringParameters(query.isEmpty() ? null : query);
        e.setQueryStringParameters(query.isEmpty() ? null : last(query));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        e.setMultiValueHeaders(headers);
        e.setHeaders(last(headers));
        e.setBody(body.length == 0 ? null : new String(body, StandardCharsets.UTF_8));
        e.setIsBase64Encoded(false);
        e.setStageVariables(null);

        APIGatewayProxyRequestEvent.ProxyRequestContext c = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        c.setAccountId("000000000000");
        c.setApiId("local");
        c.setResourceId("local");
        c.setStage(stage);
        c.setRequestId(requestId);
        c.setExtendedRequestId(requestId);
        c.setResourcePath(route.resource());
        c.setHttpMethod(method);
        c.setPath("/" + stage + path);
        c.setProtocol(exchange.getProtocol());
        c.setRequestTime(REQUEST_TIME.format(now));
        c.setRequestTimeEpoch(now.toEpochMilli());
        String host = exchange.getRequestHeaders().getFirst("Host");
        c.setDomainName(host != null ? host : exchange.getLocalAddress().getHostString());
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
        identity.setUserAgent(exchange.getRequestHeaders().getFirst("User-Agent"));
        c.setIdentity(identity);
        e.setRequestContext(c);
        return e;
    }

    /** The query string's parameters, decoded, in order; a name without '=' has the value "". */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** API Gateway's single-valued maps hold the last value of a repeated name. */
    private static Map<String, String> last(Map<String, List<String>> multi) {
        Map<String, String> out = new LinkedHashMap<>();
        multi.forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
        return out;
    }
}
