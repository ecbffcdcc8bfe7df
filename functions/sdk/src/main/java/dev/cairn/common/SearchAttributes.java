package dev.cairn.common;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An immutable, typed set of search attribute values, one per name. */
public final class SearchAttributes {
  public static final SearchAttributes EMPTY = new SearchAttributes(new TreeMap<>());

  @SuppressWarnings("rawtypes")
  private final Map<SearchAttributeKey, Object> values;

  @SuppressWarnings("rawtypes")
  private SearchAttributes(TreeMap<SearchAttributeKey, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public static Builder newBuilder(SearchAttributes existing) {
    return new Builder(existing);
  }

  public int size() {
    return values.size();
  }

  public boolean containsKey(SearchAttributeKey<?> key) {
    return values.containsKey(key) || sameNameCompatible(key) != null;
  }

  /** The value, or null when the key is absent. */
  @SuppressWarnings("unchecked")
  public <T> T get(SearchAttributeKey<T> key) {
    Object v = values.get(key);
    return (T) (v != null ? v : sameNameCompatible(key));
  }

  /**
   * Values read back from history carry no index type, so a text value comes back under a keyword key:
   * a key of the same name whose value is of the asked class still answers.
   */
  private Object sameNameCompatible(SearchAttributeKey<?> key) {
    for (var e : values.entrySet()) {
      if (e.getKey().getName().equals(key.getName()) && key.getValueClass().isInstance(e.getValue())) {
        return e.getValue();
      }
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public Map<SearchAttributeKey<?>, Object> getUntypedValues() {
    return (Map) values;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof SearchAttributes s && values.equals(s.values));
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "SearchAttributes" + values;
  }

  public static final class Builder {
    @SuppressWarnings("rawtypes")
    private final TreeMap<SearchAttributeKey, Object> values = new TreeMap<>();

    private Builder() {}

    private Builder(SearchAttributes existing) {
      if (existing != null) {
        values.putAll(existing.values);
      }
    }

    /** Replaces any value under the same name, whatever its type: names are unique. */
    public <T> Builder set(SearchAttributeKey<T> key, T value) {
      if (value == null) {
        throw new IllegalArgumentException("value for " + key.getName() + " must not be null; use unset");
      }
      values.keySet().removeIf(k -> k.getName().equals(key.getName()));
      values.put(key, value instanceof List<?> l ? List.copyOf(l) : value);
      return this;
    }

    public Builder unset(SearchAttributeKey<?> key) {
      values.keySet().removeIf(k -> k.getName().equals(key.getName()));
      return this;
    }

    public SearchAttributes build() {
      return new SearchAttributes(new TreeMap<>(values));
    }
  }
}
