package dev.cairn.common.converter;

import java.lang.reflect.Type;
import java.util.Optional;

/** Passes byte arrays through as "binary/plain", so binary data is not base64-wrapped in JSON. */
public final class ByteArrayPayloadConverter implements PayloadConverter {
  public static final String ENCODING = "binary/plain";

  @Override
  public String getEncodingType() {
    return ENCODING;
  }

  @Override
  public Optional<Payload> toData(Object value) {
    return value instanceof byte[] bytes
        ? Optional.of(Payload.of(ENCODING, bytes))
        : Optional.empty();
  }

  @Override
  public <T> T fromData(Payload content, Class<T> valueType, Type valueGenericType) {
    if (valueType != byte[].class && valueType != Object.class) {
      throw new DataConverterException(
          "binary/plain payload can only be read as byte[], not " + valueType.getName());
    }
    return valueType.cast(content.getData());
  }
}
