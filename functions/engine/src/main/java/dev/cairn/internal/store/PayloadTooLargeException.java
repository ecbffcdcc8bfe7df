package dev.cairn.internal.store;

/**
 * A payload, event or message is over a limit and was refused whole, never truncated (invariant 8).
 * The HTTP API answers 413.
 */
public final class PayloadTooLargeException extends IllegalArgumentException {
  private final long size;
  private final long limit;

  public PayloadTooLargeException(String what, long size, long limit) {
    super(what + " is " + size + " bytes, over the limit of " + limit + " bytes; it was refused, nothing was truncated");
    this.size = size;
    this.limit = limit;
  }

  public long size() {
    return size;
  }

  public long limit() {
    return limit;
  }
}
