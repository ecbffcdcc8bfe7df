package dev.cairn.internal.history;

import static dev.cairn.internal.history.SampleEvents.binary;
import static dev.cairn.internal.history.SampleEvents.json;
import static dev.cairn.internal.history.SampleEvents.nullPayload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.DefaultDataConverter;
import dev.cairn.common.converter.Payload;
import dev.cairn.common.converter.Payloads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static HistoryEvent event(long id, EventAttributes attributes) {
    return new HistoryEvent(id, T0.plusMillis(id * 137), attributes);
  }

  private static HistoryEvent roundTrip(HistoryEvent e) {
    return HistoryJson.eventFromJson(HistoryJson.toJson(e));
  }

  private static HistoryEvent scheduled(Payloads input) {
    return event(
        3,
        new EventAttributes.ActivityTaskScheduled(
            "3", "ChargeCard", "orders", input, null, null, Duration.ofSeconds(30), null, null));
  }

  // ------------------------------------------------------------------ every event type

  @Test
  void eventFromJson_shouldReturnAnEqualEvent_whenEveryEventTypeIsFilledWithSamples() {
    assertTrue(EventTypes.all().size() >= 39, "event types found: " + EventTypes.all().keySet());
    List<String> failures = new ArrayList<>();
    long id = 1;
    for (Map.Entry<String, Class<? extends EventAttributes>> type : EventTypes.all().entrySet()) {
      HistoryEvent original = event(id++, SampleEvents.filled(type.getValue()));
      try {
        String json = HistoryJson.toJson(original);
        HistoryEvent parsed = HistoryJson.eventFromJson(json);
        if (!original.equals(parsed)) {
          failures.add(type.getKey() + ": " + original + " became " + parsed + " via " + json);
        }
        JsonNode tree = HistoryJson.toTree(original);
        assertEquals(type.getKey(), tree.get("eventType").asText());
        if (!original.equals(HistoryJson.eventFromTree(tree))) {
          failures.add(type.getKey() + ": tree round trip differs");
        }
      } catch (RuntimeException e) {
        failures.add(type.getKey() + ": " + e);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void eventFromJson_shouldReturnAnEqualEvent_whenEveryEventTypeHasOnlyNullsAndZeroes() {
    long id = 1;
    for (Class<? extends EventAttributes> type : EventTypes.all().values()) {
      HistoryEvent original = event(id++, SampleEvents.empty(type));
      String json = HistoryJson.toJson(original);
      assertFalse(json.contains("null"), "nulls must be omitted: " + json);
      assertEquals(original, HistoryJson.eventFromJson(json), json);
    }
  }

  @Test
  void fromJson_shouldReturnEqualEvents_whenAHistoryOfEveryTypeIsWritten() {
    List<HistoryEvent> history = new ArrayList<>();
    for (Class<? extends EventAttributes> type : EventTypes.all().values()) {
      history.add(event(history.size() + 1, SampleEvents.filled(type)));
    }
    String json = HistoryJson.toJson(history);
    assertTrue(json.startsWith("{\"schemaVersion\":1,\"events\":["), json);
    assertEquals(history, HistoryJson.fromJson(json));
  }

  @Test
  void eventFromJson_shouldReturnAnEqualFailure_whenTheFailureHasAnyInfoKind() {
    long id = 1;
    for (Failure failure : SampleEvents.failuresOfEveryKind()) {
      HistoryEvent original =
          event(id++, new EventAttributes.WorkflowExecutionFailed(failure, RetryState.RETRY_STATE_TIMEOUT));
      assertEquals(original, roundTrip(original), HistoryJson.toJson(original));
    }
  }

  // ------------------------------------------------------------------ the envelope

  @Test
  void toJson_shouldWriteTheEnvelope_whenGivenAnEvent() {
    HistoryEvent e =
        new HistoryEvent(
            5,
            T0,
            new EventAttributes.ActivityTaskScheduled(
                "5", "ChargeCard", "orders", null, null, null, Duration.ofSeconds(30), null, null));
    assertEquals(
        "{\"eventId\":5,\"eventType\":\"ActivityTaskScheduled\",\"timestamp\":\"2026-01-01T00:00:00Z\","
            + "\"attributes\":{\"activityId\":\"5\",\"activityType\":\"ChargeCard\",\"taskQueue\":\"orders\","
            + "\"startToCloseTimeout\":\"PT30S\"}}",
        HistoryJson.toJson(e));
  }

  @Test
  void toJson_shouldWriteInstantsInUtcWithFractions_whenTheTimestampHasMillis() {
    HistoryEvent e =
        new HistoryEvent(1, Instant.parse("2026-03-04T05:06:07.089Z"), new EventAttributes.TimerFired("t", 2));
    JsonNode tree = HistoryJson.toTree(e);
    assertEquals("2026-03-04T05:06:07.089Z", tree.get("timestamp").asText());
    assertEquals(e, roundTrip(e));
  }

  @Test
  void eventFromJson_shouldReadTheTimestamp_whenItCarriesAnOffset() {
    HistoryEvent e =
        HistoryJson.eventFromJson(
            "{\"eventId\":1,\"eventType\":\"TimerFired\",\"timestamp\":\"2026-01-01T01:00:00+01:00\","
                + "\"attributes\":{\"timerId\":\"t\",\"startedEventId\":2}}");
    assertEquals(T0, e.timestamp());
  }

  @Test
  void toJson_shouldWriteShortEnumNames_whenAnAttributeIsAnEnum() {
    HistoryEvent e =
        event(1, new EventAttributes.WorkflowExecutionTimedOut(RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED));
    assertEquals("MAXIMUM_ATTEMPTS_REACHED", HistoryJson.toTree(e).get("attributes").get("retryState").asText());
    assertEquals(e, roundTrip(e));
  }

  @Test
  void eventFromJson_shouldAcceptTheFullEnumName_whenWrittenTheProtoWay() {
    HistoryEvent e =
        HistoryJson.eventFromJson(
            "{\"eventId\":1,\"eventType\":\"WorkflowExecutionTimedOut\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"attributes\":{\"retryState\":\"RETRY_STATE_TIMEOUT\"}}");
    assertEquals(
        RetryState.RETRY_STATE_TIMEOUT,
        ((EventAttributes.WorkflowExecutionTimedOut) e.attributes()).retryState());
  }

  @Test
  void eventFromJson_shouldIgnoreTheField_whenANewerWriterAddedOne() {
    HistoryEvent e =
        HistoryJson.eventFromJson(
            "{\"eventId\":1,\"eventType\":\"TimerFired\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"shard\":3,"
                + "\"attributes\":{\"timerId\":\"t\",\"startedEventId\":2,\"firedBy\":\"sweeper\"}}");
    assertEquals(new EventAttributes.TimerFired("t", 2), e.attributes());
  }

  @Test
  void eventFromJson_shouldFailNamingTheType_whenTheEventTypeIsUnknown() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HistoryJson.eventFromJson(
                    "{\"eventId\":9,\"eventType\":\"WorkflowExecutionPaused\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                        + "\"attributes\":{}}"));
    assertTrue(e.getMessage().contains("unknown eventType 'WorkflowExecutionPaused'"), e.getMessage());
    assertTrue(e.getMessage().contains("event 9"), e.getMessage());
  }

  @Test
  void fromJson_shouldFailNamingTheTypeAndPosition_whenAHistoryHasAnUnknownEventType() {
    String json =
        "{\"schemaVersion\":1,\"events\":["
            + HistoryJson.toJson(event(1, new EventAttributes.TimerFired("t", 2)))
            + ",{\"eventId\":2,\"eventType\":\"Teleported\",\"timestamp\":\"2026-01-01T00:00:00Z\"}]}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistoryJson.fromJson(json));
    assertTrue(e.getMessage().contains("events[1]"), e.getMessage());
    assertTrue(e.getMessage().contains("'Teleported'"), e.getMessage());
  }

  @Test
  void eventFromJson_shouldFailClearly_whenTheEventTypeIsMissing() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HistoryJson.eventFromJson("{\"eventId\":4,\"timestamp\":\"2026-01-01T00:00:00Z\"}"));
    assertTrue(e.getMessage().contains("eventType"), e.getMessage());
  }

  @Test
  void eventFromJson_shouldFailClearly_whenTheJsonIsMalformed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HistoryJson.eventFromJson("{\"eventId\":"));
    assertTrue(e.getMessage().startsWith("Invalid history"), e.getMessage());
  }

  @Test
  void eventFromJson_shouldFail_whenTheEventIdIsNotPositive() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HistoryJson.eventFromJson(
                    "{\"eventId\":0,\"eventType\":\"TimerFired\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                        + "\"attributes\":{\"timerId\":\"t\"}}"));
    assertTrue(e.getMessage().contains("eventId must be >= 1"), e.getMessage());
  }

  // ------------------------------------------------------------------ the history document

  @Test
  void fromJson_shouldReadTheEvents_whenGivenABareArray() {
    List<HistoryEvent> history =
        List.of(event(1, new EventAttributes.TimerStarted("t", Duration.ofMinutes(5))), event(2, new EventAttributes.TimerFired("t", 1)));
    String wrapped = HistoryJson.toJson(history);
    String array = HistoryJson.mapper().valueToTree(history).toString();
    assertTrue(array.startsWith("["), array);
    assertEquals(history, HistoryJson.fromJson(array));
    assertEquals(history, HistoryJson.fromJson(wrapped));
  }

  @Test
  void fromJson_shouldReadTheEvents_whenGivenTheHttpApiPageWithoutSchemaVersion() {
    String page =
        "{\"events\":["
            + HistoryJson.toJson(event(1, new EventAttributes.TimerFired("t", 2)))
            + "],\"nextPageToken\":\"abc\"}";
    assertEquals(List.of(event(1, new EventAttributes.TimerFired("t", 2))), HistoryJson.fromJson(page));
  }

  @Test
  void fromJson_shouldFailNamingTheVersion_whenTheSchemaVersionIsNewer() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> HistoryJson.fromJson("{\"schemaVersion\":2,\"events\":[]}"));
    assertTrue(e.getMessage().contains("schemaVersion 2"), e.getMessage());
  }

  @Test
  void fromJson_shouldFailClearly_whenTheEventsAreMissing() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HistoryJson.fromJson("{\"schemaVersion\":1}"));
    assertTrue(e.getMessage().contains("\"events\""), e.getMessage());
  }

  @Test
  void fromJson_shouldReturnAnEmptyList_whenTheHistoryHasNoEvents() {
    assertEquals(List.of(), HistoryJson.fromJson(HistoryJson.toJson(List.of())));
  }

  // ------------------------------------------------------------------ payload rendering

  @Test
  void toJson_shouldWriteTheValuesInline_whenPayloadsAreJsonPlain() {
    String json = HistoryJson.toJson(scheduled(Payloads.of(json("\"order-1\""), json("5"))));
    assertTrue(json.contains("\"input\":[\"order-1\",5]"), json);
    assertFalse(json.contains("$payload"), json);
  }

  @Test
  void toJson_shouldWriteObjectsInline_whenAJsonPlainPayloadIsAnObject() {
    Payload p = json("{\"sku\":\"A-1\",\"qty\":2,\"nested\":{\"ok\":true,\"list\":[1,2.5,null]}}");
    JsonNode input = HistoryJson.toTree(scheduled(Payloads.of(p))).get("attributes").get("input");
    assertEquals("A-1", input.get(0).get("sku").asText());
    assertEquals(p, ((EventAttributes.ActivityTaskScheduled) roundTrip(scheduled(Payloads.of(p))).attributes()).input().getPayloads(0));
  }

  @Test
  void eventFromJson_shouldKeepEveryByte_whenAPayloadIsBinary() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
    Payload p = binary(bytes);
    HistoryEvent e = scheduled(Payloads.of(p));
    String json = HistoryJson.toJson(e);
    assertTrue(json.contains("{\"$payload\":{\"metadata\":{\"encoding\":\"binary/encrypted\",\"encryption-key-id\":\"key-2026\"},\"data\":\""), json);
    Payload back = ((EventAttributes.ActivityTaskScheduled) HistoryJson.eventFromJson(json).attributes()).input().getPayloads(0);
    assertArrayEquals(bytes, back.getData());
    assertEquals(p.getMetadata(), back.getMetadata());
  }

  @Test
  void toJson_shouldWriteJsonNull_whenThePayloadIsBinaryNull() {
    HistoryEvent e = scheduled(Payloads.of(json("1"), nullPayload()));
    String json = HistoryJson.toJson(e);
    assertTrue(json.contains("\"input\":[1,null]"), json);
    assertEquals(e, roundTrip(e));
  }

  @Test
  void eventFromJson_shouldReadCompactJsonPlain_whenTheInlineValueIsPrettyPrinted() {
    HistoryEvent e =
        HistoryJson.eventFromJson(
            "{\"eventId\":1,\"eventType\":\"WorkflowExecutionCompleted\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"attributes\":{\"result\":[ { \"a\" : [ 1, 2 ], \"b\" : \"x y\" }, null ]}}");
    Payloads result = ((EventAttributes.WorkflowExecutionCompleted) e.attributes()).result();
    assertEquals(json("{\"a\":[1,2],\"b\":\"x y\"}"), result.getPayloads(0));
    assertEquals(nullPayload(), result.getPayloads(1));
  }

  @Test
  void toJson_shouldWrapThePayload_whenItsJsonBytesAreNotCompact() {
    Payload p = json("{ \"a\" : 1 }");
    HistoryEvent e = scheduled(Payloads.of(p));
    assertTrue(HistoryJson.toJson(e).contains("$payload"));
    assertEquals(e, roundTrip(e));
  }

  @Test
  void toJson_shouldWrapThePayload_whenItIsNotExactlyOneJsonValue() {
    for (String raw : new String[] {"", "not json", "1 2", "{\"a\":1,\"a\":2}", "1.10", "\"\\u00e9\""}) {
      HistoryEvent e = scheduled(Payloads.of(json(raw)));
      assertTrue(HistoryJson.toJson(e).contains("$payload"), raw);
      assertEquals(e, roundTrip(e), raw);
    }
  }

  @Test
  void toJson_shouldWrapThePayload_whenJsonPlainHoldsNull() {
    HistoryEvent e = scheduled(Payloads.of(json("null")));
    assertTrue(HistoryJson.toJson(e).contains("$payload"));
    assertEquals(e, roundTrip(e));
  }

  @Test
  void toJson_shouldWrapThePayload_whenTheValueLooksLikeTheWrapper() {
    HistoryEvent e = scheduled(Payloads.of(json("{\"$payload\":{\"data\":\"AAE=\"}}")));
    assertEquals(e, roundTrip(e));
  }

  @Test
  void toJson_shouldWrapThePayload_whenJsonPlainHasMoreMetadata() {
    Payload p = new Payload(Map.of("encoding", "json/plain", "messageType", "Order"), "{}".getBytes(StandardCharsets.UTF_8));
    HistoryEvent e = scheduled(Payloads.of(p));
    assertTrue(HistoryJson.toJson(e).contains("\"messageType\":\"Order\""));
    assertEquals(e, roundTrip(e));
  }

  record Order(String id, int quantity, double total, List<String> tags, Instant placedAt) {}

  @Test
  void toJson_shouldWriteEveryValueInline_whenTheDefaultDataConverterMadeThePayloads() {
    Object[] values = {
      "order-1", 5, Long.MAX_VALUE, 9.99, 1.0E10, -0.0, true, List.of("a", "b"), Map.of("k", 1),
      new Order("o-1", 2, 19.98, List.of("gift"), T0), "Grüße, 東京 🌍 \"quoted\" \\ \n", "", null
    };
    Payloads payloads = DefaultDataConverter.STANDARD_INSTANCE.toPayloads(values).orElseThrow();
    HistoryEvent e = scheduled(payloads);
    String json = HistoryJson.toJson(e);
    assertFalse(json.contains("$payload"), json);
    assertTrue(json.contains("\"input\":[\"order-1\",5,9223372036854775807,9.99,1.0E10,-0.0,true,[\"a\",\"b\"]"), json);
    assertTrue(json.endsWith(",\"\",null],\"startToCloseTimeout\":\"PT30S\"}}"), json);
    HistoryEvent back = HistoryJson.eventFromJson(json);
    assertEquals(e, back);
    Payloads input = ((EventAttributes.ActivityTaskScheduled) back.attributes()).input();
    assertEquals(
        values[9],
        DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(9, Optional.of(input), Order.class, Order.class));
  }

  @Test
  void toJson_shouldWrapThePayload_whenTheDefaultDataConverterWroteBytes() {
    byte[] bytes = {0, 1, 2, (byte) 0xfe};
    Payloads payloads = DefaultDataConverter.STANDARD_INSTANCE.toPayloads((Object) bytes).orElseThrow();
    HistoryEvent e = scheduled(payloads);
    assertTrue(HistoryJson.toJson(e).contains("{\"$payload\":{\"metadata\":{\"encoding\":\"binary/plain\"},\"data\":\"AAEC/g==\"}}"),
        HistoryJson.toJson(e));
    assertEquals(e, roundTrip(e));
  }

  @Test
  void toJson_shouldWriteAnEmptyArray_whenPayloadsAreEmpty() {
    HistoryEvent e = scheduled(Payloads.getDefaultInstance());
    assertTrue(HistoryJson.toJson(e).contains("\"input\":[]"));
    assertEquals(e, roundTrip(e));
  }

  @Test
  void toJson_shouldWriteAMapOfValues_whenTheMemoHoldsPayloads() {
    HistoryEvent e =
        event(
            1,
            new EventAttributes.MarkerRecorded(
                "SideEffect", Map.of("data", Payloads.of(json("[1,2]"))), null));
    assertTrue(HistoryJson.toJson(e).contains("\"details\":{\"data\":[[1,2]]}"), HistoryJson.toJson(e));
    assertEquals(e, roundTrip(e));
  }

  @Test
  void mapper_shouldReadNull_whenAPayloadFieldIsAbsent() throws IOException {
    record Holder(Payload payload) {}
    assertNull(HistoryJson.mapper().readValue("{}", Holder.class).payload());
    assertEquals(nullPayload(), HistoryJson.mapper().readValue("{\"payload\":null}", Holder.class).payload());
    assertEquals(json("[1]"), HistoryJson.mapper().readValue("{\"payload\":[1]}", Holder.class).payload());
  }

  @Test
  void eventFromJson_shouldFailClearly_whenTheWrappedDataIsNotBase64() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HistoryJson.eventFromJson(
                    "{\"eventId\":1,\"eventType\":\"WorkflowExecutionCompleted\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                        + "\"attributes\":{\"result\":[{\"$payload\":{\"metadata\":{},\"data\":\"%%%\"}}]}}"));
    assertTrue(e.getMessage().contains("base64"), e.getMessage());
  }

  // ------------------------------------------------------------------ the golden history

  @Test
  void fromJson_shouldReserialiseToTheSameTree_whenReadingTheGoldenActivityHistory() throws IOException {
    String golden = resource("/histories/golden-activity-workflow.json");
    List<HistoryEvent> events = HistoryJson.fromJson(golden);

    assertEquals(7, events.size());
    assertEquals(
        List.of(
            "WorkflowExecutionStarted",
            "WorkflowTaskCompleted",
            "ActivityTaskScheduled",
            "ActivityTaskStarted",
            "ActivityTaskCompleted",
            "WorkflowTaskCompleted",
            "WorkflowExecutionCompleted"),
        events.stream().map(HistoryEvent::eventType).toList());
    var scheduled = (EventAttributes.ActivityTaskScheduled) events.get(2).attributes();
    assertEquals(Duration.ofSeconds(30), scheduled.startToCloseTimeout());
    assertEquals(json("19.98"), scheduled.input().getPayloads(1));
    assertEquals(List.of("CardDeclined"), scheduled.retryPolicy().nonRetryableErrorTypes());
    var started = (EventAttributes.WorkflowExecutionStarted) events.get(0).attributes();
    assertEquals(12L, started.searchAttributes().get("OrderCount"));

    JsonNode expected = HistoryJson.mapper().readTree(golden);
    JsonNode actual = HistoryJson.mapper().readTree(HistoryJson.toJson(events));
    assertEquals(expected, actual);
    assertEquals(events, HistoryJson.fromJson(HistoryJson.toJson(events)));
  }

  // ------------------------------------------------------------------ sharing

  @Test
  void toJson_shouldGiveTheSameResult_whenCalledFromManyThreads() {
    List<HistoryEvent> history = new ArrayList<>();
    for (Class<? extends EventAttributes> type : EventTypes.all().values()) {
      history.add(event(history.size() + 1, SampleEvents.filled(type)));
    }
    String expected = HistoryJson.toJson(history);
    IntStream.range(0, 64)
        .parallel()
        .forEach(
            i -> {
              String json = HistoryJson.toJson(history);
              if (!expected.equals(json) || !history.equals(HistoryJson.fromJson(json))) {
                fail("differs on a concurrent call");
              }
            });
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HistoryJsonTest.class.getResourceAsStream(name)) {
      if (in == null) throw new IOException("missing test resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
