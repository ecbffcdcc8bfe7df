package dev.cairn.common.converter;

import dev.cairn.api.failure.v1.Failure;
import dev.cairn.failure.TemporalFailure;

/** Converts exceptions to the language-neutral {@link Failure} form stored in history, and back. */
public interface FailureConverter {
  TemporalFailure failureToException(Failure failure, DataConverter dataConverter);

  Failure exceptionToFailure(Throwable throwable, DataConverter dataConverter);
}
