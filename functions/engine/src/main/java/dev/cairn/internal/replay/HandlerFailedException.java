package dev.cairn.internal.replay;

import dev.cairn.api.failure.v1.Failure;

/**
 * A query handler or update validator threw (a validator's throw is the update's rejection). The
 * failure is already converted, so it can cross the HTTP API as it crosses history.
 */
public final class HandlerFailedException extends RuntimeException {
  private final Failure failure;

  HandlerFailedException(String handler, Failure failure) {
    super(handler + " failed: " + failure.message(), null, false, false);
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }
}
