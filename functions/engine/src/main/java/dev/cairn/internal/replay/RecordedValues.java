package dev.cairn.internal.replay;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes.MarkerRecorded;
import dev.cairn.workflow.Functions;
import dev.cairn.workflow.Workflow;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Values recorded in markers so replay sees what the first run saw: side effects and versions. */
final class RecordedValues {
  private final MarkerIndex markers;
  private final DataConverter dataConverter;
  private final BooleanSupplier replaying;
  private final Consumer<MarkerRecorded> record;
  private final Map<String, Integer> versions = new HashMap<>();
  private final MutableSideEffects mutableSideEffects;
  private int sideEffectSeq;

  /** {@code record} issues a marker command; {@code replaying} says whether the decision is a replay. */
  RecordedValues(MarkerIndex markers, DataConverter dataConverter, BooleanSupplier replaying,
      Consumer<MarkerRecorded> record) {
    this.markers = markers;
    this.dataConverter = dataConverter;
    this.replaying = replaying;
    this.record = record;
    this.mutableSideEffects = new MutableSideEffects(markers, dataConverter);
  }

  <R> R sideEffect(Class<R> resultClass, Type resultType, Functions.Func<R> func) {
    int id = ++sideEffectSeq;
    Optional<Payloads> recorded = markers.sideEffect(id);
    Payloads value;
    if (recorded.isPresent() && replaying.getAsBoolean()) {
      value = recorded.get();
    } else {
      R result = func.apply();
      value = dataConverter.toPayloads(result).orElse(null);
    }
    record.accept(MarkerIndex.sideEffectMarker(id, value));
    return dataConverter.fromPayloads(0, Optional.ofNullable(value), resultClass, resultType);
  }

  <R> R mutableSideEffect(String id, Class<R> resultClass, Type resultType, BiPredicate<R, R> updated, Functions.Func<R> func) {
    return mutableSideEffects.call(id, resultClass, resultType, updated, func, replaying.getAsBoolean(), record);
  }

  int getVersion(String changeId, int minSupported, int maxSupported) {
    Integer version = versions.get(changeId);
    if (version == null) {
      Optional<Integer> recorded = markers.version(changeId);
      if (recorded.isPresent()) {
        version = recorded.get();
        record.accept(MarkerIndex.versionMarker(changeId, version));
      } else if (replaying.getAsBoolean()) {
        version = Workflow.DEFAULT_VERSION;
      } else {
        version = maxSupported;
        record.accept(MarkerIndex.versionMarker(changeId, version));
      }
      versions.put(changeId, version);
    }
    if (version < minSupported || version > maxSupported) {
      throw new UnsupportedVersion(changeId, version, minSupported, maxSupported);
    }
    return version;
  }
}
