package dev.cairn.local.lambda;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * EventBridge events as a rule's target receives them: the envelope (version, id, detail-type,
 * source, account, time, region, resources, detail) as JSON, and that JSON in the type the target
 * handler declares.
 */
public final class EventBridgeEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventBridgeEvents() {}

    /** What a schedule rule sends: detail-type "Scheduled Event", source "aws.events", the rule's ARN as resource. */
    public static ObjectNode scheduled(String ruleName, String id, Instant time) {
        return envelope(id, "aws.events", "Scheduled Event", time, List.of(ruleArn(ruleName)), JSON.createObjectNode());
    }

    public static ObjectNode envelope(String id, String source, String detailType, Instant time, List<String> resources, JsonNode detail) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "0");
        e.put("id", id);
        e.put("detail-type", detailType);
        e.put("source", source);
        e.put("account", LocalContext.ACCOUNT_ID);
        e.put("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)));
        e.put("region", LocalContext.REGION);
        resources.forEach(e.putArray("resources")::add);
        e.set("detail", detail);
        return e;
    }

    public static String ruleArn(String ruleName) {
        return "arn:aws:events:" + LocalContext.REGION + ":" + LocalContext.ACCOUNT_ID + ":rule/" + ruleName;
    }

    /**
     * What the target receives: the rule's constant Input when it has one, else the event; in the
     * handler's declared type (ScheduledEvent, a Map, a String of JSON, a Jackson tree, or a bean
     * Jackson can bind), as Lambda's runtime deserializes the payload for it.
     */
    public static Object payload(JsonNode event, java.util.Optional<String> constantInput, Class<?> inputType) {
        JsonNode payload = event;
        if (constantInput.isPresent()) {
            try {
                payload = JSON.readTree(constantInput.get());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the rule's Input is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        return as(payload, inputType);
    }

    static Object as(JsonNode payload, Class<?> type) {
        if (type == ScheduledEvent.class) {
            return scheduledEvent(payload);
        }
        if (type == String.class) {
            return payload.toString();
        }
        if (type.isInstance(payload)) {
            return payload;
        }
        if (type == Object.class || type.isAssignableFrom(java.util.LinkedHashMap.class)) {
            return JSON.convertValue(payload, Map.class);
        }
        return JSON.convertValue(payload, type);
    }

    @SuppressWarnings("unchecked")
    private static ScheduledEvent scheduledEvent(JsonNode e) {
        ScheduledEvent s = new ScheduledEvent();
        s.setVersion(text(e, "version"));
        s.setId(text(e, "id"));
        s.setDetailType(text(e, "detail-type"));
        s.setSource(text(e, "source"));
        s.setAccount(text(e, "account"));
        s.setRegion(text(e, "region"));
        if (e.hasNonNull("time")) {
            s.setTime(new DateTime(Instant.parse(e.get("time").asText()).toEpochMilli(), DateTimeZone.UTC));
        }
        List<String> resources = new ArrayList<>();
        e.path("resources").forEach(r -> resources.add(r.asText()));
        s.setResources(resources);
        s.setDetail(e.has("detail") ? JSON.convertValue(e.get("detail"), Map.class) : null);
        return s;
    }

    private static String text(JsonNode e, String field) {
        return e.hasNonNull(field) ? e.get(field).asText() : null;
    }
}
