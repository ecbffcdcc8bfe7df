package dev.cairn.common.converter;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadJsonTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void payload_shouldSerialiseAsMetadataAndBase64_whenWrittenByJackson() throws Exception {
    Payload p = Payload.of("json/plain", "\"hi\"".getBytes(StandardCharsets.UTF_8));
    String json = mapper.writeValueAsString(Payloads.of(p));
    assertEquals("{\"payloads\":[{\"metadata\":{\"encoding\":\"json/plain\"},\"data\":\"ImhpIg==\"}]}", json);
    assertEquals(Payloads.of(p), mapper.readValue(json, Payloads.class));
  }

  @Test
  void payload_shouldCompareByContent_whenSameBytes() {
    Payload a = Payload.of("binary/plain", new byte[] {1, 2});
    Payload b = Payload.of("binary/plain", new byte[] {1, 2});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Payload.of("binary/plain", new byte[] {2, 1}));
    byte[] data = a.getData();
    data[0] = 9;
    assertEquals(b, a);
  }

  @Test
  void toString_shouldShowJsonText_whenJsonEncoded() {
    Payload p = Payload.of("json/plain", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    assertTrue(p.toString().contains("{\"a\":1}"), p.toString());
    assertFalse(Payload.of("binary/plain", new byte[] {65}).toString().contains("A"));
  }
}
