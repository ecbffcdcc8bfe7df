package dev.cairn.failure;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.EncodedValues;
import dev.cairn.common.converter.Values;
import java.util.Objects;

/** Thrown in code whose scope, activity or workflow was canceled. */
public final class CanceledFailure extends TemporalFailure {
  private final Values details;

  public CanceledFailure(String message, Values details, Throwable cause) {
    super(message, message, cause);
    this.details = Objects.requireNonNull(details, "details");
  }

  public CanceledFailure(String message, Object details) {
    this(message, details == null ? new EncodedValues() : new EncodedValues(details), null);
  }

  public CanceledFailure(String message) {
    this(message, null);
  }

  public Values getDetails() {
    return details;
  }

  @Override
  public void setDataConverter(DataConverter converter) {
    if (details instanceof EncodedValues ev) {
      ev.setDataConverter(converter);
    }
  }
}
