package dev.cairn.common.converter;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultDataConverterTest {
  record Order(String id, int quantity, Instant placedAt, Optional<String> note) {}

  private final DataConverter converter = DefaultDataConverter.newDefaultInstance();

  @SuppressWarnings("unused")
  private static List<Order> listOfOrders() {
    return null;
  }

  private static Type listOfOrdersType() throws NoSuchMethodException {
    Method m = DefaultDataConverterTest.class.getDeclaredMethod("listOfOrders");
    return m.getGenericReturnType();
  }

  @Test
  void toPayload_shouldRoundTripRecordAsJson_whenRecordGiven() {
    Order order = new Order("o-1", 3, Instant.parse("2024-01-02T03:04:05Z"), Optional.of("fragile"));
    Payload p = converter.toPayload(order).orElseThrow();
    assertEquals("json/plain", p.getEncoding());
    String json = new String(p.getData(), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"placedAt\":\"2024-01-02T03:04:05Z\""), json);
    assertEquals(order, converter.fromPayload(p, Order.class, Order.class));
  }

  @Test
  void fromPayloads_shouldReadGenericList_whenTypeGiven() throws Exception {
    List<Order> orders = List.of(new Order("a", 1, null, Optional.empty()), new Order("b", 2, null, Optional.empty()));
    Optional<Payloads> payloads = converter.toPayloads(orders, "second");
    @SuppressWarnings("unchecked")
    List<Order> back = converter.fromPayloads(0, payloads, List.class, listOfOrdersType());
    assertEquals(orders, back);
    assertInstanceOf(Order.class, back.get(0));
    assertEquals("second", converter.fromPayloads(1, payloads, String.class, String.class));
  }

  @Test
  void toPayload_shouldUseNullEncoding_whenValueNull() {
    Payload p = converter.toPayload(null).orElseThrow();
    assertEquals("binary/null", p.getEncoding());
    assertNull(converter.fromPayload(p, String.class, String.class));
  }

  @Test
  void toPayload_shouldPassBytesThrough_whenByteArrayGiven() {
    byte[] bytes = {1, 2, 3};
    Payload p = converter.toPayload(bytes).orElseThrow();
    assertEquals("binary/plain", p.getEncoding());
    assertArrayEquals(bytes, p.getData());
    assertArrayEquals(bytes, converter.fromPayload(p, byte[].class, byte[].class));
    assertThrows(DataConverterException.class, () -> converter.fromPayload(p, String.class, String.class));
  }

  @Test
  void fromPayload_shouldReadOptional_whenOptionalTypeGiven() throws Exception {
    Type optionalString = getClass().getDeclaredMethod("optionalString").getGenericReturnType();
    Payload present = converter.toPayload(Optional.of("x")).orElseThrow();
    Payload empty = converter.toPayload(Optional.empty()).orElseThrow();
    assertEquals(Optional.of("x"), converter.fromPayload(present, Optional.class, optionalString));
    assertEquals(Optional.empty(), converter.fromPayload(empty, Optional.class, optionalString));
  }

  @SuppressWarnings("unused")
  private static Optional<String> optionalString() {
    return Optional.empty();
  }

  @Test
  void fromPayloads_shouldReturnTypeDefault_whenArgumentMissing() {
    assertEquals(0, converter.fromPayloads(2, converter.toPayloads("a"), int.class, int.class));
    assertNull(converter.fromPayloads(0, Optional.empty(), String.class, String.class));
    assertTrue(converter.toPayloads().isEmpty());
  }

  @Test
  void fromPayload_shouldFailClearly_whenEncodingUnknown() {
    DataConverterException e =
        assertThrows(
            DataConverterException.class,
            () -> converter.fromPayload(Payload.of("xml/plain", new byte[0]), String.class, String.class));
    assertTrue(e.getMessage().contains("xml/plain"), e.getMessage());
  }

  @Test
  void withPayloadConverterOverrides_shouldReplaceSameEncoding_whenGiven() {
    PayloadConverter upper =
        new PayloadConverter() {
          @Override
          public String getEncodingType() {
            return "json/plain";
          }

          @Override
          public Optional<Payload> toData(Object value) {
            return Optional.of(Payload.of("json/plain", ("\"" + value.toString().toUpperCase() + "\"").getBytes(StandardCharsets.UTF_8)));
          }

          @Override
          public <T> T fromData(Payload content, Class<T> valueType, Type valueGenericType) {
            return valueType.cast(new String(content.getData(), StandardCharsets.UTF_8));
          }
        };
    DataConverter custom = DefaultDataConverter.newDefaultInstance().withPayloadConverterOverrides(upper);
    Payload p = custom.toPayload("abc").orElseThrow();
    assertEquals("\"ABC\"", new String(p.getData(), StandardCharsets.UTF_8));
    assertEquals("binary/null", custom.toPayload(null).orElseThrow().getEncoding());
    assertEquals("\"abc\"", new String(DefaultDataConverter.STANDARD_INSTANCE.toPayload("abc").orElseThrow().getData(), StandardCharsets.UTF_8));
  }

  @Test
  void encodedValues_shouldDecodeLazily_whenBuiltFromPayloads() {
    EncodedValues values = new EncodedValues(converter.toPayloads("a", 2), converter);
    assertEquals(2, values.getSize());
    assertEquals("a", values.get(0, String.class));
    assertEquals(2, values.get(1, Integer.class));
    EncodedValues local = new EncodedValues("x", 5L);
    assertEquals(5L, local.get(1, Long.class));
    assertEquals("x", converter.fromPayloads(0, local.toPayloads(converter), String.class, String.class));
  }
}
