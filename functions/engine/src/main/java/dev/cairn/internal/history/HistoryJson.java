package dev.cairn.internal.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.enums.v1.IndexedValueType;
import dev.cairn.api.enums.v1.ParentClosePolicy;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.api.enums.v1.WorkflowIdConflictPolicy;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.common.converter.Payload;
import dev.cairn.common.converter.Payloads;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON form of a history, as stores keep it and the HTTP API serves it (docs/event-schema.md).
 *
 * <p>One event is {@code {"eventId": 5, "eventType": "ActivityTaskScheduled", "timestamp":
 * "2026-01-01T00:00:00Z", "attributes": {...}}}; a history is {@code {"schemaVersion": 1, "events":
 * [...]}}. Durations are ISO-8601 ({@code "PT30S"}), instants ISO-8601 in UTC, enums Temporal's short
 * names ({@code "MAXIMUM_ATTEMPTS_REACHED"}; the full proto name is accepted too), nulls omitted, and
 * unknown fields ignored so an older reader can read what a newer writer added.
 *
 * <p>Payloads are shown so a person can read them: a {@code json/plain} payload is the JSON value
 * itself, {@code binary/null} is {@code null}, anything else (binary, encrypted by a codec) is
 * {@code {"$payload": {"metadata": {...}, "data": "<base64>"}}}. A payload is written inline only
 * when reading it back gives the same bytes, so the rendering is always exact.
 *
 * <p>Thread-safe: every method uses one shared, fully configured {@link ObjectMapper}.
 */
public final class HistoryJson {
  /** The version written in {@code schemaVersion}; fields are only added within a version. */
  public static final int SCHEMA_VERSION = 1;

  /** Key of the object that wraps a payload which cannot be shown inline. */
  public static final String PAYLOAD_KEY = "$payload";

  static final String JSON_PLAIN = "json/plain";
  static final String BINARY_NULL = "binary/null";

  private static final Map<String, String> JSON_PLAIN_METADATA = Map.of(Payload.ENCODING, JSON_PLAIN);
  private static final Map<String, String> BINARY_NULL_METADATA = Map.of(Payload.ENCODING, BINARY_NULL);

  /**
   * Parses and writes inline payload values. Private, so nobody can reconfigure it, and plain, so
   * the "compact JSON" of a value is the same on the writing and the reading side.
   */
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static final ObjectWriter COMPACT = PLAIN.writer();

  private static final ObjectMapper MAPPER = newMapper();

  private HistoryJson() {}

  /**
   * The shared mapper, configured for history JSON (payload rendering, java.time, short enum names,
   * nulls omitted). Other modules (stores, the HTTP API) reuse it; do not reconfigure it, call
   * {@code mapper().copy()} for different settings.
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The Jackson module with the payload, event and enum (de)serialisers, for a mapper of your own. */
  public static Module module() {
    SimpleModule m = new SimpleModule("cairn-history-json");
    m.addSerializer(Payload.class, new PayloadSerializer());
    m.addDeserializer(Payload.class, new PayloadDeserializer());
    m.addSerializer(Payloads.class, new PayloadsSerializer());
    m.addDeserializer(Payloads.class, new PayloadsDeserializer());
    m.addSerializer(HistoryEvent.class, new EventSerializer());
    m.addDeserializer(HistoryEvent.class, new EventDeserializer());
    shortNames(m, RetryState.class, RetryState::shortName, RetryState::fromShortName);
    shortNames(m, TimeoutType.class, TimeoutType::shortName, TimeoutType::fromShortName);
    shortNames(m, ParentClosePolicy.class, ParentClosePolicy::shortName, ParentClosePolicy::fromShortName);
    shortNames(
        m, WorkflowIdReusePolicy.class, WorkflowIdReusePolicy::shortName, WorkflowIdReusePolicy::fromShortName);
    shortNames(
        m,
        WorkflowIdConflictPolicy.class,
        WorkflowIdConflictPolicy::shortName,
        WorkflowIdConflictPolicy::fromShortName);
    shortNames(
        m,
        WorkflowExecutionStatus.class,
        WorkflowExecutionStatus::shortName,
        WorkflowExecutionStatus::fromShortName);
    shortNames(m, IndexedValueType.class, IndexedValueType::shortName, IndexedValueType::fromShortName);
    shortNames(m, EventType.class, EventType::shortName, EventType::fromShortName);
    return m;
  }

  private static ObjectMapper newMapper() {
    ObjectMapper m = new ObjectMapper();
    m.registerModule(new JavaTimeModule());
    m.registerModule(new Jdk8Module());
    m.registerModule(module());
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    m.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    // Search attributes are Map<String, Object>; their integers are Longs (SearchAttributeKey.forLong).
    m.enable(DeserializationFeature.USE_LONG_FOR_INTS);
    m.setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    return m;
  }

  // ------------------------------------------------------------------ the public API

  /** One event as {@code {"eventId", "eventType", "timestamp", "attributes"}}. */
  public static String toJson(HistoryEvent event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot write event " + event.eventId() + " (" + event.eventType() + ") as JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  /** A history as {@code {"schemaVersion": 1, "events": [...]}}. */
  public static String toJson(List<HistoryEvent> events) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ArrayNode array = root.putArray("events");
    for (HistoryEvent e : events) {
      array.add(toTree(e));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write history as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** One event as a JSON tree (for embedding in a larger response). */
  public static JsonNode toTree(HistoryEvent event) {
    try {
      return MAPPER.valueToTree(event);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot write event " + event.eventId() + " (" + event.eventType() + ") as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads one event.
   *
   * @throws IllegalArgumentException for malformed JSON or an unknown {@code eventType}, naming it
   */
  public static HistoryEvent eventFromJson(String json) {
    return eventFromTree(readTree(json));
  }

  /** Reads one event from a tree. */
  public static HistoryEvent eventFromTree(JsonNode node) {
    try {
      return MAPPER.treeToValue(node, HistoryEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid history event JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a history: {@code {"schemaVersion": 1, "events": [...]}} (a missing schemaVersion means 1,
   * so the HTTP API's {@code {"events": [...], "nextPageToken": ...}} reads too) or a bare array.
   *
   * @throws IllegalArgumentException for malformed JSON, an unknown {@code eventType}, or a
   *     schemaVersion newer than {@link #SCHEMA_VERSION}
   */
  public static List<HistoryEvent> fromJson(String json) {
    JsonNode root = readTree(json);
    JsonNode events;
    if (root.isArray()) {
      events = root;
    } else if (root.isObject()) {
      JsonNode version = root.get("schemaVersion");
      if (version != null && !version.isNull()) {
        if (!version.canConvertToInt() || !version.isIntegralNumber()) {
          throw new IllegalArgumentException("Invalid history JSON: schemaVersion must be an integer, was " + version);
        }
        int v = version.intValue();
        if (v < 1 || v > SCHEMA_VERSION) {
          throw new IllegalArgumentException(
              "Unsupported history schemaVersion "
                  + v
                  + "; this Cairn reads schemaVersion 1 to "
                  + SCHEMA_VERSION
                  + (v > SCHEMA_VERSION ? " (the history was written by a newer Cairn)" : ""));
        }
      }
      events = root.get("events");
      if (events == null || !events.isArray()) {
        throw new IllegalArgumentException(
            "Invalid history JSON: expected an \"events\" array in {\"schemaVersion\": 1, \"events\": [...]}");
      }
    } else {
      throw new IllegalArgumentException(
          "Invalid history JSON: expected {\"schemaVersion\": 1, \"events\": [...]} or an array of events, got "
              + root.getNodeType());
    }
    List<HistoryEvent> result = new ArrayList<>(events.size());
    int index = 0;
    for (JsonNode e : events) {
      try {
        result.add(MAPPER.treeToValue(e, HistoryEvent.class));
      } catch (JsonProcessingException ex) {
        throw new IllegalArgumentException(
            "Invalid history JSON at events[" + index + "]: " + ex.getOriginalMessage(), ex);
      }
      index++;
    }
    return result;
  }

  private static JsonNode readTree(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("Invalid history JSON: empty input");
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid history JSON: " + e.getOriginalMessage(), e);
    }
  }

  // ------------------------------------------------------------------ payload rendering

  /** The JSON a payload is shown as: the value, {@code null}, or the {@code $payload} wrapper. */
  static JsonNode payloadToNode(Payload payload) {
    JsonNode inline = inlineValue(payload);
    if (inline != null) {
      return inline;
    }
    if (isNullPayload(payload)) {
      return JsonNodeFactory.instance.nullNode();
    }
    ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
    ObjectNode body = wrapper.putObject(PAYLOAD_KEY);
    ObjectNode metadata = body.putObject("metadata");
    payload.getMetadata().forEach(metadata::put);
    body.put("data", Base64.getEncoder().encodeToString(payload.getData()));
    return wrapper;
  }

  private static boolean isNullPayload(Payload payload) {
    return BINARY_NULL_METADATA.equals(payload.getMetadata()) && payload.getData().length == 0;
  }

  /**
   * The value of a json/plain payload, or null when it cannot be shown inline exactly: other
   * metadata, bytes that are not compact JSON (reading them back would change the bytes), a JSON
   * {@code null} (which reads back as binary/null) or an object that looks like the wrapper.
   */
  private static JsonNode inlineValue(Payload payload) {
    if (!JSON_PLAIN_METADATA.equals(payload.getMetadata())) {
      return null;
    }
    byte[] data = payload.getData();
    if (data.length == 0) {
      return null;
    }
    JsonNode value;
    try {
      value = PLAIN.readTree(data);
      if (value == null || value.isMissingNode() || value.isNull() || looksLikeWrapper(value)) {
        return null;
      }
      return Arrays.equals(COMPACT.writeValueAsBytes(value), data) ? value : null;
    } catch (IOException e) {
      return null; // not JSON after all: keep the bytes as they are
    }
  }

  private static boolean looksLikeWrapper(JsonNode node) {
    return node.isObject() && node.size() == 1 && node.has(PAYLOAD_KEY);
  }

  /** Reverses {@link #payloadToNode}. */
  static Payload payloadFromNode(JsonNode node) throws JsonProcessingException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Payload.of(BINARY_NULL, new byte[0]);
    }
    if (looksLikeWrapper(node)) {
      JsonNode body = node.get(PAYLOAD_KEY);
      if (!body.isObject()) {
        throw new IllegalArgumentException(
            "\"" + PAYLOAD_KEY + "\" must be an object {\"metadata\": {...}, \"data\": \"<base64>\"}, was "
                + body.getNodeType());
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      JsonNode meta = body.get("metadata");
      if (meta != null && !meta.isNull()) {
        if (!meta.isObject()) {
          throw new IllegalArgumentException("\"" + PAYLOAD_KEY + ".metadata\" must be an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getValue().isTextual()) {
            throw new IllegalArgumentException(
                "\"" + PAYLOAD_KEY + ".metadata." + e.getKey() + "\" must be a string");
          }
          metadata.put(e.getKey(), e.getValue().textValue());
        }
      }
      JsonNode data = body.get("data");
      byte[] bytes;
      if (data == null || data.isNull()) {
        bytes = new byte[0];
      } else if (data.isTextual()) {
        try {
          bytes = Base64.getDecoder().decode(data.textValue());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("\"" + PAYLOAD_KEY + ".data\" is not base64: " + e.getMessage(), e);
        }
      } else if (data.isBinary()) {
        try {
          bytes = data.binaryValue();
        } catch (IOException e) {
          throw new IllegalArgumentException("\"" + PAYLOAD_KEY + ".data\" cannot be read", e);
        }
      } else {
        throw new IllegalArgumentException("\"" + PAYLOAD_KEY + ".data\" must be a base64 string");
      }
      return new Payload(metadata, bytes);
    }
    return new Payload(JSON_PLAIN_METADATA, COMPACT.writeValueAsBytes(node));
  }

  private static final class PayloadSerializer extends StdSerializer<Payload> {
    PayloadSerializer() {
      super(Payload.class);
    }

    @Override
    public void serialize(Payload value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      payloadToNode(value).serialize(gen, provider);
    }
  }

  private static final class PayloadDeserializer extends StdDeserializer<Payload> {
    PayloadDeserializer() {
      super(Payload.class);
    }

    @Override
    public Payload deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = ctxt.readTree(p);
      try {
        return payloadFromNode(node);
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, e.getMessage(), e);
      }
    }

    /** An explicit JSON {@code null} is the binary/null payload (a missing field stays Java null). */
    @Override
    public Payload getNullValue(DeserializationContext ctxt) {
      return Payload.of(BINARY_NULL, new byte[0]);
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return null;
    }
  }

  private static final class PayloadsSerializer extends StdSerializer<Payloads> {
    PayloadsSerializer() {
      super(Payloads.class);
    }

    @Override
    public void serialize(Payloads value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartArray(value, value.getPayloadsCount());
      for (Payload payload : value.getPayloadsList()) {
        payloadToNode(payload).serialize(gen, provider);
      }
      gen.writeEndArray();
    }
  }

  private static final class PayloadsDeserializer extends StdDeserializer<Payloads> {
    PayloadsDeserializer() {
      super(Payloads.class);
    }

    @Override
    public Payloads deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        return (Payloads)
            ctxt.handleUnexpectedToken(
                Payloads.class,
                p.currentToken(),
                p,
                "Payloads are a JSON array of values, got %s",
                p.currentToken());
      }
      JsonNode array = ctxt.readTree(p);
      List<Payload> payloads = new ArrayList<>(array.size());
      for (JsonNode element : array) {
        try {
          payloads.add(payloadFromNode(element));
        } catch (IllegalArgumentException e) {
          throw JsonMappingException.from(p, e.getMessage(), e);
        }
      }
      return Payloads.of(payloads);
    }
  }

  // ------------------------------------------------------------------ the event envelope

  private static final class EventSerializer extends StdSerializer<HistoryEvent> {
    EventSerializer() {
      super(HistoryEvent.class);
    }

    @Override
    public void serialize(HistoryEvent event, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject(event);
      gen.writeNumberField("eventId", event.eventId());
      gen.writeStringField("eventType", EventTypes.nameOf(event.attributes().getClass()));
      gen.writeStringField("timestamp", event.timestamp().toString());
      provider.defaultSerializeField("attributes", event.attributes(), gen);
      gen.writeEndObject();
    }
  }

  private static final class EventDeserializer extends StdDeserializer<HistoryEvent> {
    EventDeserializer() {
      super(HistoryEvent.class);
    }

    @Override
    public HistoryEvent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = ctxt.readTree(p);
      if (!node.isObject()) {
        throw JsonMappingException.from(
            p, "an event is a JSON object {\"eventId\", \"eventType\", \"timestamp\", \"attributes\"}, got "
                + node.getNodeType());
      }
      JsonNode idNode = node.get("eventId");
      if (idNode == null || !idNode.isIntegralNumber()) {
        throw JsonMappingException.from(p, "event without a numeric \"eventId\": " + abbreviate(node));
      }
      long eventId = idNode.longValue();
      JsonNode typeNode = node.get("eventType");
      if (typeNode == null || !typeNode.isTextual()) {
        throw JsonMappingException.from(p, "event " + eventId + " has no \"eventType\" string");
      }
      String name = typeNode.textValue();
      Class<? extends EventAttributes> type;
      try {
        type = EventTypes.typeOf(name);
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(
            p,
            "unknown eventType '"
                + name
                + "' in event "
                + eventId
                + " (not one of the "
                + EventTypes.all().size()
                + " event types of history schemaVersion "
                + SCHEMA_VERSION
                + "; written by a newer Cairn?)");
      }
      JsonNode tsNode = node.get("timestamp");
      if (tsNode == null || tsNode.isNull()) {
        throw JsonMappingException.from(p, "event " + eventId + " (" + name + ") has no \"timestamp\"");
      }
      Instant timestamp = ctxt.readTreeAsValue(tsNode, Instant.class);
      JsonNode attrNode = node.get("attributes");
      if (attrNode == null || attrNode.isNull()) {
        attrNode = JsonNodeFactory.instance.objectNode();
      }
      EventAttributes attributes;
      try {
        attributes = ctxt.readTreeAsValue(attrNode, type);
      } catch (JsonMappingException e) {
        throw JsonMappingException.from(
            p, "event " + eventId + " (" + name + "): " + e.getOriginalMessage(), e);
      }
      try {
        return new HistoryEvent(eventId, timestamp, attributes);
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, "event " + eventId + " (" + name + "): " + e.getMessage(), e);
      }
    }

    private static String abbreviate(JsonNode node) {
      String s = node.toString();
      return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
  }

  // ------------------------------------------------------------------ enums by short name

  private static <E extends Enum<E>> void shortNames(
      SimpleModule module, Class<E> type, Function<E, String> toName, Function<String, E> fromName) {
    module.addSerializer(
        type,
        new StdSerializer<E>(type) {
          @Override
          public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(toName.apply(value));
          }
        });
    module.addDeserializer(
        type,
        new JsonDeserializer<E>() {
          @Override
          public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
              return type.cast(
                  ctxt.handleUnexpectedToken(
                      type, p.currentToken(), p, "%s is a string, got %s", type.getSimpleName(), p.currentToken()));
            }
            try {
              return fromName.apply(p.getText());
            } catch (IllegalArgumentException e) {
              throw JsonMappingException.from(p, e.getMessage(), e);
            }
          }

          @Override
          public Class<?> handledType() {
            return type;
          }
        });
  }
}
