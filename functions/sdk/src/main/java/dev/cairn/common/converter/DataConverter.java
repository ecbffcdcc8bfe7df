package dev.cairn.common.converter;

import dev.cairn.api.failure.v1.Failure;
import dev.cairn.internal.spi.Defaults;
import dev.cairn.failure.TemporalFailure;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns arguments, results and failure details into payloads and back. Every value that crosses a
 * workflow, activity or client boundary goes through one, so a custom converter (or codec) applies
 * everywhere at once.
 */
public interface DataConverter {

  <T> Optional<Payload> toPayload(T value) throws DataConverterException;

  <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType)
      throws DataConverterException;

  /** Empty for no values, so a call without arguments carries no payloads at all. */
  default Optional<Payloads> toPayloads(Object... values) throws DataConverterException {
    if (values == null || values.length == 0) {
      return Optional.empty();
    }
    List<Payload> out = new ArrayList<>(values.length);
    for (Object value : values) {
      out.add(
          toPayload(value)
              .orElseThrow(
                  () ->
                      new DataConverterException(
                          "No PayloadConverter accepts " + value.getClass().getName())));
    }
    return Optional.of(Payloads.of(out));
  }

  /**
   * Reads the value at {@code index}; a missing payload yields the type's default (null, or zero
   * for primitives), so a newer signature with an added parameter can read older calls.
   */
  default <T> T fromPayloads(
      int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType)
      throws DataConverterException {
    if (content.isEmpty() || index >= content.get().getPayloadsCount()) {
      return Defaults.defaultValue(valueType);
    }
    return fromPayload(content.get().getPayloads(index), valueType, valueGenericType);
  }

  /** Reads all arguments of a call at once, by the target method's parameter types. */
  default Object[] arrayFromPayloads(
      Optional<Payloads> content, Class<?>[] parameterTypes, Type[] genericParameterTypes)
      throws DataConverterException {
    Object[] result = new Object[parameterTypes.length];
    for (int i = 0; i < parameterTypes.length; i++) {
      result[i] = fromPayloads(i, content, parameterTypes[i], genericParameterTypes[i]);
    }
    return result;
  }

  /** Failures carry payloads (details), so their conversion belongs to the data converter. */
  default Failure exceptionToFailure(Throwable throwable) {
    return new DefaultFailureConverter().exceptionToFailure(throwable, this);
  }

  default TemporalFailure failureToException(Failure failure) {
    return new DefaultFailureConverter().failureToException(failure, this);
  }
}
