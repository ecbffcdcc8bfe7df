package dev.cairn.local.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.local.lambda.EventBridgeEvents;
import dev.cairn.local.lambda.LocalFunction;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge's default bus, locally: PutEvents entries become events, every rule whose pattern
 * matches invokes its function asynchronously (as EventBridge invokes Lambda targets). Bus names are
 * not distinguished: every rule of the template listens to every entry. A failed invocation is logged,
 * not retried.
 */
public final class LocalEventBus {
    private static final Logger log = LoggerFactory.getLogger(LocalEventBus.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** PutEvents takes at most 10 entries per call. */
    public static final int MAX_ENTRIES = 10;

    /** A rule with an event pattern and the function it targets (with the rule's constant Input, if any). */
    public record Rule(String name, EventPattern pattern, LocalFunction function, Optional<String> input) {}

    private final List<Rule> rules;
    private final Clock clock;
    private final Map<String, AtomicLong> deliveries = new ConcurrentHashMap<>();

    public LocalEventBus(List<Rule> rules, Clock clock) {
        this.rules = List.copyOf(rules);
        this.clock = clock;
    }

    /** Events the rule with this name matched and handed to its function so far. */
    public long deliveries(String ruleName) {
        AtomicLong n = deliveries.get(ruleName);
        return n == null ? 0 : n.get();
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * PutEvents: {@code {"Entries": [{"Source", "DetailType", "Detail", "Resources"?, "Time"?}]}} to
     * {@code {"FailedEntryCount", "Entries": [{"EventId"} | {"ErrorCode", "ErrorMessage"}]}}.
     *
     * @throws IllegalArgumentException when the request itself is malformed (no Entries, more than 10)
     */
    public ObjectNode putEvents(JsonNode request) {
        JsonNode entries = request == null ? null : request.get("Entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new IllegalArgumentException("expected {\"Entries\": [{\"Source\", \"DetailType\", \"Detail\"}, ...]}");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " entries per call, got " + entries.size());
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = JSON.createArrayNode();
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            try {
                ObjectNode event = event(entry);
                result.put("EventId", event.get("id").asText());
                deliver(event);
            } catch (MalformedEntry e) {
                failed++;
                result.put("ErrorCode", e.code);
                result.put("ErrorMessage", e.getMessage());
            }
        }
        response.put("FailedEntryCount", failed);
        response.set("Entries", results);
        return response;
    }

    private ObjectNode event(JsonNode entry) throws MalformedEntry {
        String source = requiredText(entry, "Source");
        String detailType = requiredText(entry, "DetailType");
        String detailText = requiredText(entry, "Detail");
        JsonNode detail;
        try {
            detail = JSON.readTree(detailText);
        } catch (JsonProcessingException e) {
            throw new MalformedEntry("MalformedDetail", "Detail is malformed: " + e.getOriginalMessage());
        }
        if (!detail.isObject()) {
            throw new MalformedEntry("MalformedDetail", "Detail must be a JSON object");
        }
        List<String> resources = new ArrayList<>();
        entry.path("Resources").forEach(r -> resources.add(r.asText()));
        return EventBridgeEvents.envelope(UUID.randomUUID().toString(), source, detailType, time(entry), resources, detail);
    }

    /** Time as the SDK's JSON protocol sends it (epoch seconds) or as ISO-8601; now when absent. */
    private Instant time(JsonNode entry) throws MalformedEntry {
        JsonNode t = entry.get("Time");
        if (t == null || t.isNull()) {
            return clock.instant();
        }
        try {
            return t.isNumber() ? Instant.ofEpochMilli((long) (t.asDouble() * 1000)) : Instant.parse(t.asText());
        } catch (RuntimeException e) {
            throw new MalformedEntry("InvalidArgument", "Time is neither epoch seconds nor ISO-8601: " + t);
        }
    }

    private void deliver(ObjectNode event) {
        for (Rule rule : rules) {
            if (!rule.pattern().matches(event)) {
                continue;
            }
            Object payload = EventBridgeEvents.payload(event, rule.input(), rule.function().inputType());
            deliveries.computeIfAbsent(rule.name(), k -> new AtomicLong()).incrementAndGet();
            Thread.ofVirtual().name("rule-" + rule.name()).start(() -> {
                try {
                    rule.function().invoke(payload);
                } catch (RuntimeException e) {
                    log.warn("rule {}: {}", rule.name(), e.getMessage(), e.getCause());
                }
            });
        }
    }

    private static String requiredText(JsonNode entry, String field) throws MalformedEntry {
        JsonNode v = entry.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new MalformedEntry("InvalidArgument", field + " is required (a non-empty string)");
        }
        return v.asText();
    }

    private static final class MalformedEntry extends Exception {
        private final String code;

        MalformedEntry(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
