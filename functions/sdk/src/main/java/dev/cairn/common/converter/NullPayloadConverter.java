package dev.cairn.common.converter;

import java.lang.reflect.Type;
import java.util.Optional;

/** Encodes null as an empty "binary/null" payload, so null survives any other converter. */
public final class NullPayloadConverter implements PayloadConverter {
  public static final String ENCODING = "binary/null";

  @Override
  public String getEncodingType() {
    return ENCODING;
  }

  @Override
  public Optional<Payload> toData(Object value) {
    return value == null ? Optional.of(Payload.of(ENCODING, new byte[0])) : Optional.empty();
  }

  @Override
  public <T> T fromData(Payload content, Class<T> valueType, Type valueGenericType) {
    return null;
  }
}
