package dev.cairn.failure;

/** A failure raised by the engine itself rather than by application code. */
public final class ServerFailure extends TemporalFailure {
  private final boolean nonRetryable;

  public ServerFailure(String message, boolean nonRetryable) {
    this(message, nonRetryable, null);
  }

  public ServerFailure(String message, boolean nonRetryable, Throwable cause) {
    super(message, message, cause);
    this.nonRetryable = nonRetryable;
  }

  public boolean isNonRetryable() {
    return nonRetryable;
  }
}
