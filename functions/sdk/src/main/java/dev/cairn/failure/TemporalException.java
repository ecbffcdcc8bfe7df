package dev.cairn.failure;

/** Base of every exception the SDK throws to user code, so one catch covers them all. */
public class TemporalException extends RuntimeException {
  protected TemporalException(String message, Throwable cause) {
    super(message, cause);
  }
}
