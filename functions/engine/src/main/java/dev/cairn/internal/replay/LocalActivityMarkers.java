package dev.cairn.internal.replay;

import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.DefaultDataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes.MarkerRecorded;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The "LocalActivity" marker, with Temporal's name: details activityId, type, attempt (the last
 * attempt run), data (the result) or the marker's failure, and backoff (milliseconds) when the next
 * attempt waits for a workflow timer.
 */
final class LocalActivityMarkers {
  static final String NAME = "LocalActivity";
  private static final DataConverter JSON = DefaultDataConverter.STANDARD_INSTANCE;

  private LocalActivityMarkers() {}

  record Outcome(String activityId, int attempt, Payloads result, Failure failure, RetryState retryState, Duration backoff) {}

  static MarkerRecorded completed(String activityId, String type, int attempt, Payloads result) {
    Map<String, Payloads> details = base(activityId, type, attempt);
    if (result != null) {
      details.put("data", result);
    }
    return new MarkerRecorded(NAME, details, null);
  }

  static MarkerRecorded failed(String activityId, String type, int attempt, Failure failure, RetryState retryState,
      Duration backoff) {
    Map<String, Payloads> details = base(activityId, type, attempt);
    details.put("retryState", JSON.toPayloads(retryState.name()).orElseThrow());
    if (backoff != null) {
      details.put("backoff", JSON.toPayloads(backoff.toMillis()).orElseThrow());
    }
    return new MarkerRecorded(NAME, details, failure);
  }

  private static Map<String, Payloads> base(String activityId, String type, int attempt) {
    Map<String, Payloads> details = new HashMap<>();
    details.put("activityId", JSON.toPayloads(activityId).orElseThrow());
    details.put("type", JSON.toPayloads(type).orElseThrow());
    details.put("attempt", JSON.toPayloads(attempt).orElseThrow());
    return details;
  }

  static Outcome read(MarkerRecorded m) {
    Map<String, Payloads> d = m.details();
    String retryState = get(d, "retryState", String.class);
    Long backoff = get(d, "backoff", Long.class);
    Integer attempt = get(d, "attempt", Integer.class);
    return new Outcome(activityIdOf(m), attempt == null ? 1 : attempt, d.get("data"), m.failure(),
        retryState == null ? RetryState.RETRY_STATE_UNSPECIFIED : RetryState.valueOf(retryState),
        backoff == null ? null : Duration.ofMillis(backoff));
  }

  static String activityIdOf(MarkerRecorded m) {
    return m.details() == null ? null : get(m.details(), "activityId", String.class);
  }

  private static <T> T get(Map<String, Payloads> d, String key, Class<T> type) {
    return JSON.fromPayloads(0, Optional.ofNullable(d.get(key)), type, type);
  }
}
