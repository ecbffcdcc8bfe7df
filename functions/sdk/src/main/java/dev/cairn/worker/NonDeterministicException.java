package dev.cairn.worker;

/**
 * Replayed workflow code issued commands that do not match its recorded history, so its state
 * cannot be rebuilt. The engine keeps the workflow blocked until fixed code is deployed.
 */
public class NonDeterministicException extends IllegalStateException {
  public NonDeterministicException(String message) {
    super(message);
  }

  public NonDeterministicException(String message, Throwable cause) {
    super(message, cause);
  }
}
