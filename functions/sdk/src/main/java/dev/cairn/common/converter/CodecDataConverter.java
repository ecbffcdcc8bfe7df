package dev.cairn.common.converter;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs payload codecs after another converter, so compression or encryption applies to every
 * payload without touching how values are serialised. As in Temporal, encoding applies the codecs
 * last to first (the first codec wraps the others) and decoding first to last.
 */
public class CodecDataConverter implements DataConverter {
  private final DataConverter dataConverter;
  private final List<PayloadCodec> codecs;

  public CodecDataConverter(DataConverter dataConverter, Collection<PayloadCodec> codecs) {
    this.dataConverter = Objects.requireNonNull(dataConverter, "dataConverter");
    this.codecs = List.copyOf(codecs);
  }

  @Override
  public <T> Optional<Payload> toPayload(T value) {
    return dataConverter.toPayload(value).map(p -> encode(List.of(p)).get(0));
  }

  @Override
  public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType) {
    return dataConverter.fromPayload(decode(List.of(payload)).get(0), valueClass, valueType);
  }

  @Override
  public Optional<Payloads> toPayloads(Object... values) {
    return dataConverter
        .toPayloads(values)
        .map(p -> Payloads.of(encode(p.getPayloadsList())));
  }

  @Override
  public <T> T fromPayloads(
      int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType) {
    Optional<Payloads> decoded = content.map(p -> Payloads.of(decode(p.getPayloadsList())));
    return dataConverter.fromPayloads(index, decoded, valueType, valueGenericType);
  }

  private List<Payload> encode(List<Payload> payloads) {
    List<Payload> result = new ArrayList<>(payloads);
    for (int i = codecs.size() - 1; i >= 0; i--) {
      result = codecs.get(i).encode(result);
    }
    return result;
  }

  private List<Payload> decode(List<Payload> payloads) {
    List<Payload> result = new ArrayList<>(payloads);
    for (PayloadCodec codec : codecs) {
      result = codec.decode(result);
    }
    return result;
  }
}
