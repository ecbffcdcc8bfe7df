package dev.cairn.internal.replay;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes.MarkerRecorded;
import dev.cairn.internal.history.HistoryEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marker values found anywhere in a history, read before replay starts: a side effect or version
 * call returns its recorded value while the marker event itself is matched after the decision runs.
 */
final class MarkerIndex {
  static final String SIDE_EFFECT = "SideEffect";
  static final String VERSION = "Version";
  static final String MUTABLE_SIDE_EFFECT = "MutableSideEffect";
  private static final DataConverter JSON = dev.cairn.common.converter.DefaultDataConverter.STANDARD_INSTANCE;

  private final Map<Integer, Payloads> sideEffects = new HashMap<>();
  private final Map<String, Integer> versions = new HashMap<>();
  private final Map<String, List<MarkerRecorded>> localActivities = new HashMap<>();
  /** Per mutable side effect id: the value recorded by its n-th call (1-based), for the calls that recorded one. */
  private final Map<String, Map<Integer, Payloads>> mutableSideEffects = new HashMap<>();
  private final Map<String, Integer> mutableSideEffectCalls = new HashMap<>();

  MarkerIndex(List<HistoryEvent> history) {
    for (HistoryEvent e : history) {
      if (e.attributes() instanceof MarkerRecorded m && m.details() != null) {
        switch (m.markerName()) {
          case SIDE_EFFECT -> sideEffects.put(intOf(m.details().get("id")), m.details().get("data"));
          case VERSION -> versions.putIfAbsent(stringOf(m.details().get("changeId")), intOf(m.details().get("version")));
          case MUTABLE_SIDE_EFFECT -> indexMutableSideEffect(m);
          case LocalActivityMarkers.NAME -> localActivities
              .computeIfAbsent(LocalActivityMarkers.activityIdOf(m), id -> new java.util.ArrayList<>()).add(m);
          default -> { }
        }
      }
    }
  }

  /** A marker's skipCount counts the calls since the previous marker of its id: which call recorded it. */
  private void indexMutableSideEffect(MarkerRecorded m) {
    String id = stringOf(m.details().get("id"));
    int call = mutableSideEffectCalls.getOrDefault(id, 0) + Math.max(0, intOf(m.details().get("skipCount"))) + 1;
    mutableSideEffectCalls.put(id, call);
    mutableSideEffects.computeIfAbsent(id, k -> new HashMap<>()).put(call, m.details().get("data"));
  }

  /** A value a marker recorded; {@code payloads} is null when the value was null. */
  record RecordedValue(Payloads payloads) {}

  /** The value the {@code call}-th call (1-based) of mutable side effect {@code id} recorded, if it recorded one. */
  Optional<RecordedValue> mutableSideEffect(String id, int call) {
    Map<Integer, Payloads> recorded = mutableSideEffects.get(id);
    if (recorded == null || !recorded.containsKey(call)) {
      return Optional.empty();
    }
    return Optional.of(new RecordedValue(recorded.get(call)));
  }

  Optional<Payloads> sideEffect(int id) {
    return sideEffects.containsKey(id) ? Optional.ofNullable(sideEffects.get(id)) : Optional.empty();
  }

  /** The {@code index}-th marker recorded for local activity {@code activityId} (one per retry timer). */
  Optional<MarkerRecorded> localActivity(String activityId, int index) {
    List<MarkerRecorded> recorded = localActivities.get(activityId);
    return recorded == null || recorded.size() <= index ? Optional.empty() : Optional.of(recorded.get(index));
  }

  Optional<Integer> version(String changeId) {
    return Optional.ofNullable(versions.get(changeId));
  }

  static MarkerRecorded sideEffectMarker(int id, Payloads value) {
    Map<String, Payloads> details = new HashMap<>();
    details.put("id", JSON.toPayloads(id).orElseThrow());
    if (value != null) {
      details.put("data", value);
    }
    return new MarkerRecorded(SIDE_EFFECT, details, null);
  }

  /** Temporal's shape: id, data (absent for null) and skipCount, the calls since the id's previous marker. */
  static MarkerRecorded mutableSideEffectMarker(String id, Payloads value, int skipCount) {
    Map<String, Payloads> details = new HashMap<>();
    details.put("id", JSON.toPayloads(id).orElseThrow());
    if (value != null) {
      details.put("data", value);
    }
    details.put("skipCount", JSON.toPayloads(skipCount).orElseThrow());
    return new MarkerRecorded(MUTABLE_SIDE_EFFECT, details, null);
  }

  static MarkerRecorded versionMarker(String changeId, int version) {
    Map<String, Payloads> details = new HashMap<>();
    details.put("changeId", JSON.toPayloads(changeId).orElseThrow());
    details.put("version", JSON.toPayloads(version).orElseThrow());
    return new MarkerRecorded(VERSION, details, null);
  }

  /** What identifies a marker for the non-determinism check. */
  static String keyOf(MarkerRecorded m) {
    if (m.details() == null) {
      return m.markerName();
    }
    return switch (m.markerName()) {
      case SIDE_EFFECT -> SIDE_EFFECT + "#" + intOf(m.details().get("id"));
      case VERSION -> VERSION + "#" + stringOf(m.details().get("changeId"));
      case MUTABLE_SIDE_EFFECT -> MUTABLE_SIDE_EFFECT + "#" + stringOf(m.details().get("id"));
      case LocalActivityMarkers.NAME -> LocalActivityMarkers.NAME + "#" + LocalActivityMarkers.activityIdOf(m);
      default -> m.markerName();
    };
  }

  private static int intOf(Payloads p) {
    Integer v = JSON.fromPayloads(0, Optional.ofNullable(p), Integer.class, Integer.class);
    return v == null ? -1 : v;
  }

  private static String stringOf(Payloads p) {
    return JSON.fromPayloads(0, Optional.ofNullable(p), String.class, String.class);
  }
}
