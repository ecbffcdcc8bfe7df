package dev.cairn.common;

import java.util.Objects;
import java.util.Optional;

/** One change to a running workflow's search attributes: set a value, or remove the attribute. */
public final class SearchAttributeUpdate<T> {
  private final SearchAttributeKey<T> key;
  private final T value;

  private SearchAttributeUpdate(SearchAttributeKey<T> key, T value) {
    this.key = Objects.requireNonNull(key, "key");
    this.value = value;
  }

  public static <T> SearchAttributeUpdate<T> valueSet(SearchAttributeKey<T> key, T value) {
    return new SearchAttributeUpdate<>(key, Objects.requireNonNull(value, "value"));
  }

  public static <T> SearchAttributeUpdate<T> valueUnset(SearchAttributeKey<T> key) {
    return new SearchAttributeUpdate<>(key, null);
  }

  public SearchAttributeKey<T> getKey() {
    return key;
  }

  /** Empty for an unset. */
  public Optional<T> getValue() {
    return Optional.ofNullable(value);
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof SearchAttributeUpdate<?> u
            && key.equals(u.key)
            && Objects.equals(value, u.value));
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, value);
  }

  @Override
  public String toString() {
    return value == null ? "unset " + key.getName() : key.getName() + "=" + value;
  }
}
