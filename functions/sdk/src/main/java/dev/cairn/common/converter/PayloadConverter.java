package dev.cairn.common.converter;

import java.lang.reflect.Type;
import java.util.Optional;

/** Converts values of the kinds it knows to and from one encoding; a DataConverter chains them. */
public interface PayloadConverter {
  /** The {@code encoding} metadata value this converter writes and reads, e.g. "json/plain". */
  String getEncodingType();

  /** Empty when this converter does not handle the value, so the next one is tried. */
  Optional<Payload> toData(Object value) throws DataConverterException;

  <T> T fromData(Payload content, Class<T> valueType, Type valueGenericType)
      throws DataConverterException;
}
