package dev.cairn.internal.history;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.Payload;
import dev.cairn.common.converter.Payloads;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an instance of any event record by reflection, filling each component with a sample value
 * chosen by its type. A component of a type with no sample fails loudly, so a new event field of a
 * new kind of type must be given a sample (and so gets a serialisation test).
 */
final class SampleEvents {
  private SampleEvents() {}

  static Payload json(String compactJson) {
    return Payload.of("json/plain", compactJson.getBytes(StandardCharsets.UTF_8));
  }

  static Payload binary(byte... bytes) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("encoding", "binary/encrypted");
    metadata.put("encryption-key-id", "key-2026");
    return new Payload(metadata, bytes);
  }

  static Payload nullPayload() {
    return Payload.of("binary/null", new byte[0]);
  }

  static Payloads samplePayloads() {
    return Payloads.of(
        json("\"order-1\""),
        json("5"),
        json("{\"sku\":\"A-1\",\"qty\":2,\"price\":9.99,\"tags\":[\"x\",\"y\"],\"gift\":false}"),
        nullPayload(),
        binary((byte) 0, (byte) 0xff, (byte) 0x80, (byte) 10, (byte) 13));
  }

  static Failure sampleFailure() {
    Failure cause =
        Failure.of(
            "activity StartToClose timeout",
            Failure.JAVA_SDK,
            null,
            null,
            new Failure.TimeoutFailureInfo(TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE, Payloads.of(json("42"))));
    return Failure.of(
        "card declined",
        Failure.JAVA_SDK,
        "com.acme.PaymentActivities.charge(PaymentActivities.java:42)\n\tat ...",
        cause,
        new Failure.ApplicationFailureInfo(
            "CardDeclined", true, Payloads.of(json("{\"code\":\"51\"}")), Duration.ofSeconds(10)));
  }

  /** One failure of each info kind, for the failure round-trip test. */
  static List<Failure> failuresOfEveryKind() {
    return List.of(
        sampleFailure(),
        Failure.of("canceled", Failure.JAVA_SDK, null, null, new Failure.CanceledFailureInfo(samplePayloads())),
        Failure.of("terminated", Failure.JAVA_SDK, null, null, new Failure.TerminatedFailureInfo()),
        Failure.of("server", "Cairn", null, null, new Failure.ServerFailureInfo(true)),
        Failure.of(
            "activity failed",
            Failure.JAVA_SDK,
            null,
            sampleFailure(),
            new Failure.ActivityFailureInfo(
                5, 6, "Charge", "3", RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED, "worker-1@host")),
        Failure.of(
            "child failed",
            Failure.JAVA_SDK,
            null,
            null,
            new Failure.ChildWorkflowExecutionFailureInfo(
                "default",
                WorkflowExecution.newBuilder().setWorkflowId("child-1").setRunId("run-9").build(),
                "ShipOrder",
                7,
                8,
                RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE)),
        Failure.of("plain", null, null, null, null));
  }

  static RetryPolicy sampleRetryPolicy() {
    return new RetryPolicy(
        Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 5, List.of("CardDeclined", "java.lang.IllegalStateException"));
  }

  /** A record of {@code type} with every component set to a sample value. */
  static EventAttributes filled(Class<? extends EventAttributes> type) {
    return instantiate(type, true);
  }

  /** A record of {@code type} with every reference component null and every primitive zero. */
  static EventAttributes empty(Class<? extends EventAttributes> type) {
    return instantiate(type, false);
  }

  private static EventAttributes instantiate(Class<? extends EventAttributes> type, boolean filled) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] =
          filled
              ? sample(type, components[i].getName(), components[i].getGenericType())
              : zero(components[i].getType());
    }
    try {
      Constructor<? extends EventAttributes> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build a sample " + type.getSimpleName(), e);
    }
  }

  private static Object zero(Class<?> type) {
    if (!type.isPrimitive()) return null;
    if (type == boolean.class) return false;
    if (type == long.class) return 0L;
    if (type == int.class) return 0;
    if (type == double.class) return 0.0;
    throw new AssertionError("no zero for primitive " + type);
  }

  private static Object sample(Class<?> owner, String name, Type type) {
    if (type == String.class) return name + "-" + owner.getSimpleName().length();
    if (type == long.class || type == Long.class) return 7L + name.length();
    if (type == int.class || type == Integer.class) return 3;
    if (type == boolean.class || type == Boolean.class) return true;
    if (type == double.class || type == Double.class) return 1.5;
    if (type == Duration.class) return Duration.ofSeconds(30 + name.length());
    if (type == Payloads.class) return samplePayloads();
    if (type == Payload.class) return json("{\"name\":\"" + name + "\"}");
    if (type == Failure.class) return sampleFailure();
    if (type == RetryPolicy.class) return sampleRetryPolicy();
    if (type == java.time.Instant.class) return java.time.Instant.parse("2026-01-02T03:04:05.678Z");
    if (type instanceof Class<?> c && c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[Math.min(2, constants.length - 1)]; // not the UNSPECIFIED default
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      Type key = p.getActualTypeArguments()[0];
      Type value = p.getActualTypeArguments()[1];
      if (key == String.class && value == Payload.class) {
        Map<String, Payload> m = new LinkedHashMap<>();
        m.put("customer", json("{\"id\":\"c-17\",\"tier\":\"gold\"}"));
        m.put("secret", binary((byte) 1, (byte) 2, (byte) 3));
        m.put("nothing", nullPayload());
        return m;
      }
      if (key == String.class && value == Payloads.class) {
        Map<String, Payloads> m = new LinkedHashMap<>();
        m.put("data", samplePayloads());
        m.put("version", Payloads.of(json("2")));
        return m;
      }
      if (key == String.class && value == Object.class) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CustomerId", "c-17");
        m.put("OrderCount", 12L);
        m.put("Score", 0.75);
        m.put("Vip", true);
        m.put("Tags", List.of("new", "priority"));
        return m;
      }
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      if (p.getActualTypeArguments()[0] == String.class) return List.of(name + "-a", name + "-b");
    }
    throw new AssertionError(
        "No sample value for component '"
            + name
            + "' of type "
            + type.getTypeName()
            + " in "
            + owner.getSimpleName()
            + ": add one to SampleEvents.sample (and check HistoryJson writes and reads it)");
  }
}
