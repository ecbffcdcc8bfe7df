package dev.cairn.failure;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.EncodedValues;
import dev.cairn.common.converter.Values;
import java.time.Duration;
import java.util.Objects;

/**
 * An application's own failure, with a type that retry policies match on ({@code doNotRetry}) and
 * optional details. Any exception that is not a {@link TemporalFailure} becomes one of these when
 * it crosses a boundary, its type being the exception's class name.
 */
public final class ApplicationFailure extends TemporalFailure {
  private final String type;
  private final Values details;
  private boolean nonRetryable;
  private Duration nextRetryDelay;

  private ApplicationFailure(
      String message,
      String type,
      boolean nonRetryable,
      Values details,
      Throwable cause,
      Duration nextRetryDelay) {
    super(formatMessage(message, Objects.requireNonNull(type, "type"), nonRetryable), message, cause);
    this.type = type;
    this.nonRetryable = nonRetryable;
    this.details = details;
    this.nextRetryDelay = nextRetryDelay;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public static Builder newBuilder(ApplicationFailure failure) {
    return new Builder(failure);
  }

  /** Retryable unless its type is in the retry policy's doNotRetry list. */
  public static ApplicationFailure newFailure(String message, String type, Object... details) {
    return newFailureWithCause(message, type, null, details);
  }

  public static ApplicationFailure newFailureWithCause(
      String message, String type, Throwable cause, Object... details) {
    return new ApplicationFailure(message, type, false, new EncodedValues(details), cause, null);
  }

  /** Overrides the retry policy's next interval, e.g. to honour a rate limit's Retry-After. */
  public static ApplicationFailure newFailureWithCauseAndDelay(
      String message, String type, Throwable cause, Duration nextRetryDelay, Object... details) {
    return new ApplicationFailure(
        message, type, false, new EncodedValues(details), cause, nextRetryDelay);
  }

  /** Never retried, whatever the retry policy says. */
  public static ApplicationFailure newNonRetryableFailure(
      String message, String type, Object... details) {
    return newNonRetryableFailureWithCause(message, type, null, details);
  }

  public static ApplicationFailure newNonRetryableFailureWithCause(
      String message, String type, Throwable cause, Object... details) {
    return new ApplicationFailure(message, type, true, new EncodedValues(details), cause, null);
  }

  public String getType() {
    return type;
  }

  public Values getDetails() {
    return details;
  }

  public boolean isNonRetryable() {
    return nonRetryable;
  }

  public void setNonRetryable(boolean nonRetryable) {
    this.nonRetryable = nonRetryable;
  }

  public Duration getNextRetryDelay() {
    return nextRetryDelay;
  }

  public void setNextRetryDelay(Duration nextRetryDelay) {
    this.nextRetryDelay = nextRetryDelay;
  }

  @Override
  public void setDataConverter(DataConverter converter) {
    if (details instanceof EncodedValues ev) {
      ev.setDataConverter(converter);
    }
  }

  private static String formatMessage(String message, String type, boolean nonRetryable) {
    return (message == null || message.isEmpty() ? "" : "message='" + message + "', ")
        + "type='"
        + type
        + "', nonRetryable="
        + nonRetryable;
  }

  public static final class Builder {
    private String message;
    private String type;
    private Values details;
    private boolean nonRetryable;
    private Throwable cause;
    private Duration nextRetryDelay;

    private Builder() {}

    private Builder(ApplicationFailure f) {
      if (f != null) {
        message = f.getOriginalMessage();
        type = f.type;
        details = f.details;
        nonRetryable = f.nonRetryable;
        nextRetryDelay = f.nextRetryDelay;
        cause = f.getCause();
      }
    }

    public Builder setMessage(String message) {
      this.message = message;
      return this;
    }

    public Builder setType(String type) {
      this.type = type;
      return this;
    }

    public Builder setDetails(Object... details) {
      this.details = new EncodedValues(details);
      return this;
    }

    public Builder setDetails(Values details) {
      this.details = details;
      return this;
    }

    public Builder setNonRetryable(boolean nonRetryable) {
      this.nonRetryable = nonRetryable;
      return this;
    }

    public Builder setCause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    public Builder setNextRetryDelay(Duration nextRetryDelay) {
      if (nextRetryDelay != null && nextRetryDelay.isNegative()) {
        throw new IllegalArgumentException("nextRetryDelay must not be negative: " + nextRetryDelay);
      }
      this.nextRetryDelay = nextRetryDelay;
      return this;
    }

    /** Type defaults to "" only through {@link Builder}; the static factories require one. */
    public ApplicationFailure build() {
      return new ApplicationFailure(
          message,
          type == null ? "" : type,
          nonRetryable,
          details == null ? new EncodedValues() : details,
          cause,
          nextRetryDelay);
    }
  }
}
