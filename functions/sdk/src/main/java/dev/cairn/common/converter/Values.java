package dev.cairn.common.converter;

import java.lang.reflect.Type;

/** Values that are decoded only when read, because only the reader knows their types. */
public interface Values {
  int getSize();

  default boolean isEmpty() {
    return getSize() == 0;
  }

  default <T> T get(Class<T> parameterType) throws DataConverterException {
    return get(0, parameterType);
  }

  <T> T get(int index, Class<T> parameterType) throws DataConverterException;

  <T> T get(int index, Class<T> parameterType, Type genericParameterType)
      throws DataConverterException;
}
