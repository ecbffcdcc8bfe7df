package dev.cairn.internal.replay;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes.MarkerRecorded;
import dev.cairn.workflow.Functions;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * {@code Workflow.mutableSideEffect}, with Temporal's semantics: new code runs the function on every
 * call and records a "MutableSideEffect" marker only when the id has no value yet or {@code updated}
 * says the value changed. Replay never runs the function: a call that recorded a marker returns the
 * marker's value (and issues it again, to be matched), any other call the id's last value; a first
 * call history has no marker for is non-determinism. Calls are counted per id so replay knows which
 * call recorded which marker.
 */
final class MutableSideEffects {
  private final MarkerIndex markers;
  private final DataConverter dataConverter;
  private final Map<String, State> byId = new HashMap<>();

  /** What one id has seen so far in this run. */
  private static final class State {
    int calls;
    int callsSinceMarker;
    boolean hasValue;
    Payloads value;
  }

  MutableSideEffects(MarkerIndex markers, DataConverter dataConverter) {
    this.markers = markers;
    this.dataConverter = dataConverter;
  }

  <R> R call(String id, Class<R> resultClass, Type resultType, BiPredicate<R, R> updated, Functions.Func<R> func,
      boolean replaying, Consumer<MarkerRecorded> record) {
    Objects.requireNonNull(id, "mutableSideEffect id");
    Objects.requireNonNull(resultClass, "mutableSideEffect resultClass");
    Objects.requireNonNull(updated, "mutableSideEffect updated");
    Objects.requireNonNull(func, "mutableSideEffect func");
    Type type = resultType == null ? resultClass : resultType;
    State state = byId.computeIfAbsent(id, k -> new State());
    state.calls++;
    Optional<MarkerIndex.RecordedValue> recorded =
        replaying ? markers.mutableSideEffect(id, state.calls) : Optional.empty();
    if (recorded.isPresent()) {
      store(id, state, recorded.get().payloads(), record);
      return fromPayloads(state.value, resultClass, type);
    }
    if (replaying && state.hasValue) {
      state.callsSinceMarker++;
      return fromPayloads(state.value, resultClass, type);
    }
    if (replaying) {
      throw new MissingMarker("mutableSideEffect \"" + id + "\" was called where history recorded no"
          + " MutableSideEffect marker for it (a first call always records one)");
    }
    R fresh = func.apply();
    if (state.hasValue && !updated.test(fromPayloads(state.value, resultClass, type), fresh)) {
      state.callsSinceMarker++;
      return fromPayloads(state.value, resultClass, type);
    }
    store(id, state, dataConverter.toPayloads(fresh).orElse(null), record);
    return fromPayloads(state.value, resultClass, type);
  }

  private static void store(String id, State state, Payloads value, Consumer<MarkerRecorded> record) {
    record.accept(MarkerIndex.mutableSideEffectMarker(id, value, state.callsSinceMarker));
    state.callsSinceMarker = 0;
    state.hasValue = true;
    state.value = value;
  }

  private <R> R fromPayloads(Payloads value, Class<R> resultClass, Type type) {
    return dataConverter.fromPayloads(0, Optional.ofNullable(value), resultClass, type);
  }
}
