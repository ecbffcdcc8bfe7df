package dev.cairn.internal.history;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names of event types in JSON ({@code "ActivityTaskScheduled"}), derived from the records so a new
 * record is named without a second list to forget.
 */
public final class EventTypes {
  private static final Map<String, Class<? extends EventAttributes>> BY_NAME = new LinkedHashMap<>();

  static {
    collect(EventAttributes.class);
  }

  private EventTypes() {}

  @SuppressWarnings("unchecked")
  private static void collect(Class<?> sealed) {
    for (Class<?> c : sealed.getPermittedSubclasses()) {
      if (c.isRecord()) {
        BY_NAME.put(c.getSimpleName(), (Class<? extends EventAttributes>) c);
      } else if (c.isSealed()) {
        collect(c);
      }
    }
  }

  public static String nameOf(Class<?> type) {
    return type.getSimpleName();
  }

  public static Class<? extends EventAttributes> typeOf(String name) {
    Class<? extends EventAttributes> type = BY_NAME.get(name);
    if (type == null) {
      throw new IllegalArgumentException("unknown event type '" + name + "'");
    }
    return type;
  }

  public static Map<String, Class<? extends EventAttributes>> all() {
    return java.util.Collections.unmodifiableMap(BY_NAME);
  }
}
