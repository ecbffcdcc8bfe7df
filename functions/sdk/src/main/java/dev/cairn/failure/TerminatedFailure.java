package dev.cairn.failure;

/** The workflow (or a child) was terminated: stopped at once, without running any more code. */
public final class TerminatedFailure extends TemporalFailure {
  public TerminatedFailure(String message, Throwable cause) {
    super(message, message, cause);
  }
}
