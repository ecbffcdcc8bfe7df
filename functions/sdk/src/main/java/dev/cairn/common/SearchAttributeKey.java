package dev.cairn.common;

import dev.cairn.api.enums.v1.IndexedValueType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A search attribute's name together with its indexed type, so reading and writing it is type
 * checked at compile time.
 */
public final class SearchAttributeKey<T> implements Comparable<SearchAttributeKey<T>> {
  private static final Type KEYWORD_LIST_TYPE =
      new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
          return new Type[] {String.class};
        }

        @Override
        public Type getRawType() {
          return List.class;
        }

        @Override
        public Type getOwnerType() {
          return null;
        }

        @Override
        public String toString() {
          return "java.util.List<java.lang.String>";
        }
      };

  private final String name;
  private final IndexedValueType valueType;
  private final Class<? super T> valueClass;
  private final Type valueReflectType;

  private SearchAttributeKey(
      String name, IndexedValueType valueType, Class<? super T> valueClass, Type reflectType) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("search attribute name must not be empty");
    }
    this.name = name;
    this.valueType = valueType;
    this.valueClass = valueClass;
    this.valueReflectType = reflectType;
  }

  public static SearchAttributeKey<String> forText(String name) {
    return new SearchAttributeKey<>(name, IndexedValueType.INDEXED_VALUE_TYPE_TEXT, String.class, String.class);
  }

  public static SearchAttributeKey<String> forKeyword(String name) {
    return new SearchAttributeKey<>(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD, String.class, String.class);
  }

  public static SearchAttributeKey<Long> forLong(String name) {
    return new SearchAttributeKey<>(name, IndexedValueType.INDEXED_VALUE_TYPE_INT, Long.class, Long.class);
  }

  public static SearchAttributeKey<Double> forDouble(String name) {
    return new SearchAttributeKey<>(name, IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE, Double.class, Double.class);
  }

  public static SearchAttributeKey<Boolean> forBoolean(String name) {
    return new SearchAttributeKey<>(name, IndexedValueType.INDEXED_VALUE_TYPE_BOOL, Boolean.class, Boolean.class);
  }

  public static SearchAttributeKey<OffsetDateTime> forOffsetDateTime(String name) {
    return new SearchAttributeKey<>(
        name, IndexedValueType.INDEXED_VALUE_TYPE_DATETIME, OffsetDateTime.class, OffsetDateTime.class);
  }

  public static SearchAttributeKey<List<String>> forKeywordList(String name) {
    return new SearchAttributeKey<>(
        name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST, List.class, KEYWORD_LIST_TYPE);
  }

  public String getName() {
    return name;
  }

  /** An update setting this attribute to {@code value}; as {@link SearchAttributeUpdate#valueSet}. */
  public SearchAttributeUpdate<T> valueSet(T value) {
    return SearchAttributeUpdate.valueSet(this, value);
  }

  /** An update removing this attribute from the workflow; as {@link SearchAttributeUpdate#valueUnset}. */
  public SearchAttributeUpdate<T> valueUnset() {
    return SearchAttributeUpdate.valueUnset(this);
  }

  public IndexedValueType getValueType() {
    return valueType;
  }

  public Class<? super T> getValueClass() {
    return valueClass;
  }

  /** The generic type, e.g. {@code List<String>} for keyword lists. */
  public Type getValueReflectType() {
    return valueReflectType;
  }

  @Override
  public int compareTo(SearchAttributeKey<T> o) {
    int c = name.compareTo(o.name);
    return c != 0 ? c : valueType.compareTo(o.valueType);
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof SearchAttributeKey<?> k && name.equals(k.name) && valueType == k.valueType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, valueType);
  }

  @Override
  public String toString() {
    return "SearchAttributeKey{name='" + name + "', valueType=" + valueType + '}';
  }
}
