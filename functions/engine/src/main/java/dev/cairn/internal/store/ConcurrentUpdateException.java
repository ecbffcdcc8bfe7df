package dev.cairn.internal.store;

/** Another writer changed the run since it was read; re-read and try again. */
public final class ConcurrentUpdateException extends RuntimeException {
  public ConcurrentUpdateException(String message) {
    super(message, null, false, false);
  }
}
