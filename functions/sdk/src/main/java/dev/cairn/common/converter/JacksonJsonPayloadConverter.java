package dev.cairn.common.converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.Optional;

/**
 * The catch-all converter: any value Jackson can handle, as "json/plain". Reads through the
 * generic {@code Type} when given, so {@code List<Order>} comes back as orders, not maps.
 */
public class JacksonJsonPayloadConverter implements PayloadConverter {
  public static final String ENCODING = "json/plain";

  private final ObjectMapper mapper;

  public JacksonJsonPayloadConverter() {
    this(newDefaultObjectMapper());
  }

  public JacksonJsonPayloadConverter(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** java.time and Optional support, ISO dates, tolerant of fields added by newer code. */
  public static ObjectMapper newDefaultObjectMapper() {
    ObjectMapper m = new ObjectMapper();
    m.registerModule(new JavaTimeModule());
    m.registerModule(new Jdk8Module());
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return m;
  }

  @Override
  public String getEncodingType() {
    return ENCODING;
  }

  @Override
  public Optional<Payload> toData(Object value) {
    try {
      return Optional.of(Payload.of(ENCODING, mapper.writeValueAsBytes(value)));
    } catch (JsonProcessingException e) {
      throw new DataConverterException("Cannot serialise " + value.getClass().getName(), e);
    }
  }

  @Override
  public <T> T fromData(Payload content, Class<T> valueType, Type valueGenericType) {
    try {
      JavaType type =
          mapper.getTypeFactory().constructType(valueGenericType != null ? valueGenericType : valueType);
      return mapper.readValue(content.getData(), type);
    } catch (IOException e) {
      throw new DataConverterException(content, valueGenericType != null ? valueGenericType : valueType, e);
    }
  }
}
