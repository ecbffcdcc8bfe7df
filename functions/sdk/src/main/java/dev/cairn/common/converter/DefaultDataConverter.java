package dev.cairn.common.converter;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tries its payload converters in order (null, then byte[], then JSON) when writing, and picks the
 * one named by the payload's encoding when reading.
 */
public class DefaultDataConverter implements DataConverter {

  public static final PayloadConverter[] STANDARD_PAYLOAD_CONVERTERS = {
    new NullPayloadConverter(), new ByteArrayPayloadConverter(), new JacksonJsonPayloadConverter()
  };

  /** Shared default; immutable, so safe to share. */
  public static final DefaultDataConverter STANDARD_INSTANCE = newDefaultInstance();

  private final List<PayloadConverter> converters;
  private final Map<String, PayloadConverter> byEncoding;

  public DefaultDataConverter(PayloadConverter... converters) {
    this.converters = List.copyOf(Arrays.asList(converters));
    Map<String, PayloadConverter> map = new LinkedHashMap<>();
    for (PayloadConverter c : this.converters) {
      map.put(c.getEncodingType(), c);
    }
    this.byEncoding = map;
  }

  public static DefaultDataConverter newDefaultInstance() {
    return new DefaultDataConverter(STANDARD_PAYLOAD_CONVERTERS);
  }

  /**
   * Each override replaces the converter with the same encoding, or is appended. Unlike Temporal,
   * returns a new converter rather than changing this one, so STANDARD_INSTANCE stays standard.
   */
  public DefaultDataConverter withPayloadConverterOverrides(PayloadConverter... overrides) {
    List<PayloadConverter> result = new ArrayList<>(converters);
    for (PayloadConverter o : overrides) {
      boolean replaced = false;
      for (int i = 0; i < result.size(); i++) {
        if (result.get(i).getEncodingType().equals(o.getEncodingType())) {
          result.set(i, o);
          replaced = true;
          break;
        }
      }
      if (!replaced) {
        result.add(o);
      }
    }
    return new DefaultDataConverter(result.toArray(new PayloadConverter[0]));
  }

  @Override
  public <T> Optional<Payload> toPayload(T value) {
    for (PayloadConverter c : converters) {
      Optional<Payload> p = c.toData(value);
      if (p.isPresent()) {
        return p;
      }
    }
    throw new DataConverterException(
        "No PayloadConverter accepts " + (value == null ? "null" : value.getClass().getName()));
  }

  @Override
  public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType) {
    String encoding = payload.getEncoding();
    if (encoding == null) {
      throw new DataConverterException("Payload has no 'encoding' metadata: " + payload);
    }
    PayloadConverter c = byEncoding.get(encoding);
    if (c == null) {
      throw new DataConverterException(
          "Unknown payload encoding '" + encoding + "'; known: " + byEncoding.keySet());
    }
    try {
      return c.fromData(payload, valueClass, valueType);
    } catch (DataConverterException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DataConverterException(payload, valueType, e);
    }
  }
}
