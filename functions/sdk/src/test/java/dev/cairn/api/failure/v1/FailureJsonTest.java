package dev.cairn.api.failure.v1;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FailureJsonTest {
  private final ObjectMapper strict = new ObjectMapper(); // fails on unknown properties

  @Test
  void failure_shouldSerialiseOnlySetFields_whenWrittenByPlainMapper() throws Exception {
    Failure cause = Failure.of("inner", "JavaSDK", null, null, new Failure.TerminatedFailureInfo());
    Failure f =
        Failure.of("outer", "JavaSDK", "at a.B.c(B.java:1)\n", cause,
            new Failure.ServerFailureInfo(true));
    String json = strict.writeValueAsString(f);
    assertEquals(
        "{\"message\":\"outer\",\"source\":\"JavaSDK\",\"stackTrace\":\"at a.B.c(B.java:1)\\n\","
            + "\"cause\":{\"message\":\"inner\",\"source\":\"JavaSDK\",\"terminatedFailureInfo\":{}},"
            + "\"serverFailureInfo\":{\"nonRetryable\":true}}",
        json);
    Failure back = strict.readValue(json, Failure.class);
    assertEquals(f, back);
    assertInstanceOf(Failure.TerminatedFailureInfo.class, back.cause().info());
  }
}
