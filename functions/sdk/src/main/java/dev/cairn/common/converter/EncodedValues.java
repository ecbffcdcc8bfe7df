package dev.cairn.common.converter;

import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Values held either as payloads (received, decoded on read) or as plain objects (created locally,
 * encoded when sent). Failure details use this so an exception can be built before a converter is
 * known.
 */
public final class EncodedValues implements Values {
  private Optional<Payloads> payloads;
  private DataConverter converter;
  private final Object[] values;

  public EncodedValues(Optional<Payloads> payloads, DataConverter converter) {
    this.payloads = payloads == null ? Optional.empty() : payloads;
    this.converter = converter;
    this.values = null;
  }

  public EncodedValues(Object... values) {
    this.values = values == null ? new Object[0] : values.clone();
    this.payloads = null;
  }

  /** Sets the converter used to decode payloads; Temporal's framework calls this on receipt. */
  public void setDataConverter(DataConverter converter) {
    this.converter = converter;
  }

  /** Payloads for sending: the received ones as they are, or the local values encoded. */
  public Optional<Payloads> toPayloads() {
    return toPayloads(converter());
  }

  /** As {@link #toPayloads()}, encoding local values with the given converter. */
  public Optional<Payloads> toPayloads(DataConverter dataConverter) {
    if (payloads == null) {
      payloads = dataConverter.toPayloads(values);
    }
    return payloads;
  }

  @Override
  public int getSize() {
    if (values != null) {
      return values.length;
    }
    return payloads.map(Payloads::getPayloadsCount).orElse(0);
  }

  @Override
  public <T> T get(int index, Class<T> parameterType) {
    return get(index, parameterType, parameterType);
  }

  @Override
  public <T> T get(int index, Class<T> parameterType, Type genericParameterType) {
    if (values != null) {
      if (index >= values.length) {
        throw new IndexOutOfBoundsException("index " + index + " of " + values.length + " values");
      }
      @SuppressWarnings("unchecked")
      T result = (T) values[index];
      return result;
    }
    return converter().fromPayloads(index, payloads, parameterType, genericParameterType);
  }

  private DataConverter converter() {
    return converter != null ? converter : GlobalDataConverter.get();
  }

  @Override
  public String toString() {
    return values != null
        ? "EncodedValues" + java.util.Arrays.toString(values)
        : "EncodedValues{" + payloads.orElse(Payloads.getDefaultInstance()) + "}";
  }
}
