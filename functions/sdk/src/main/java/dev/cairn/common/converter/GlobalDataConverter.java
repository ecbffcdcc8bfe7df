package dev.cairn.common.converter;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The process-wide converter used where none was configured (for example by {@link EncodedValues}
 * built from plain values), so one registration changes the default everywhere.
 */
public final class GlobalDataConverter {
  private static final AtomicReference<DataConverter> INSTANCE =
      new AtomicReference<>(DefaultDataConverter.STANDARD_INSTANCE);

  private GlobalDataConverter() {}

  public static void register(DataConverter converter) {
    INSTANCE.set(Objects.requireNonNull(converter, "converter"));
  }

  public static DataConverter get() {
    return INSTANCE.get();
  }
}
