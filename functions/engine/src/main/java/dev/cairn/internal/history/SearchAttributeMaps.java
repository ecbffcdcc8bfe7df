package dev.cairn.internal.history;

import dev.cairn.common.SearchAttributeKey;
import dev.cairn.common.SearchAttributeUpdate;
import dev.cairn.common.SearchAttributes;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed search attributes as the plain map that history and the stores keep: strings, Longs, Doubles,
 * Booleans, lists of strings, and date-times as ISO-8601 strings, so {@code GET /workflows?Name=value}
 * compares them as text. The map carries no types: reading back infers them from the values.
 */
public final class SearchAttributeMaps {
  private SearchAttributeMaps() {}

  public static Map<String, Object> toMap(SearchAttributes attrs) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (attrs != null) {
      attrs.getUntypedValues().forEach((k, v) -> out.put(k.getName(), plain(v)));
    }
    return out;
  }

  /** The changes as the upsert event records them; an unset attribute maps to null. */
  public static Map<String, Object> toMap(SearchAttributeUpdate<?>... updates) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (SearchAttributeUpdate<?> u : updates) {
      out.put(u.getKey().getName(), u.getValue().map(SearchAttributeMaps::plain).orElse(null));
    }
    return out;
  }

  /** {@code current} with {@code changes} applied: a null value removes the attribute. */
  public static Map<String, Object> merge(Map<String, Object> current, Map<String, Object> changes) {
    Map<String, Object> out = new LinkedHashMap<>(current == null ? Map.of() : current);
    if (changes != null) {
      changes.forEach((k, v) -> {
        if (v == null || (v instanceof List<?> l && l.isEmpty())) {
          out.remove(k);
        } else {
          out.put(k, plain(v));
        }
      });
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public static SearchAttributes toTyped(Map<String, Object> map) {
    SearchAttributes.Builder b = SearchAttributes.newBuilder();
    if (map == null) {
      return b.build();
    }
    map.forEach((name, v) -> {
      switch (v) {
        case null -> { }
        case Boolean x -> b.set(SearchAttributeKey.forBoolean(name), x);
        case Double x -> b.set(SearchAttributeKey.forDouble(name), x);
        case Float x -> b.set(SearchAttributeKey.forDouble(name), x.doubleValue());
        case Number x -> b.set(SearchAttributeKey.forLong(name), x.longValue());
        case List<?> x -> b.set(SearchAttributeKey.forKeywordList(name), (List<String>) List.copyOf(strings(x)));
        case OffsetDateTime x -> b.set(SearchAttributeKey.forOffsetDateTime(name), x);
        case String s -> {
          OffsetDateTime time = dateTime(s);
          if (time != null) {
            b.set(SearchAttributeKey.forOffsetDateTime(name), time);
          } else {
            b.set(SearchAttributeKey.forKeyword(name), s);
          }
        }
        default -> b.set(SearchAttributeKey.forKeyword(name), String.valueOf(v));
      }
    });
    return b.build();
  }

  private static Object plain(Object v) {
    return switch (v) {
      case OffsetDateTime t -> t.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME); // seconds always
      case Integer i -> i.longValue();
      case List<?> l -> strings(l);
      default -> v;
    };
  }

  private static List<String> strings(List<?> l) {
    List<String> out = new ArrayList<>();
    l.forEach(x -> out.add(String.valueOf(x)));
    return out;
  }

  private static OffsetDateTime dateTime(String s) {
    if (s.length() < 16 || !Character.isDigit(s.charAt(0)) || s.charAt(10) != 'T') {
      return null;
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
