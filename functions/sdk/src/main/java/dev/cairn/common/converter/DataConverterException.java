package dev.cairn.common.converter;

import java.lang.reflect.Type;

/** Thrown when a value cannot be turned into a payload or back; unchecked, as in Temporal. */
public class DataConverterException extends RuntimeException {
  public DataConverterException(String message) {
    super(message);
  }

  public DataConverterException(Throwable cause) {
    super(cause);
  }

  public DataConverterException(String message, Throwable cause) {
    super(message, cause);
  }

  public DataConverterException(Payload payload, Type valueType, Throwable cause) {
    super("Failure deserializing " + payload + " into type " + valueType, cause);
  }
}
