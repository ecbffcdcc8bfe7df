package dev.cairn.api.enums.v1;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Shared short-name parsing: the HTTP API speaks short names, Java code the proto-style ones. */
final class EnumNames {
  private EnumNames() {}

  static String shortName(Enum<?> value, String prefix) {
    return value.name().substring(prefix.length());
  }

  static <E extends Enum<E>> E fromShortName(Class<E> type, String prefix, String name) {
    if (name != null) {
      String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(upper) || e.name().equals(prefix + upper)) {
          return e;
        }
      }
    }
    throw new IllegalArgumentException(
        "Unknown "
            + type.getSimpleName()
            + " '"
            + name
            + "'; valid names: "
            + Arrays.stream(type.getEnumConstants())
                .map(e -> shortName(e, prefix))
                .collect(Collectors.joining(", ")));
  }
}
