package dev.cairn.api.enums.v1;

/** Why retrying stopped (or that it goes on); mirrors Temporal's proto enum. */
public enum RetryState {
  RETRY_STATE_UNSPECIFIED,
  RETRY_STATE_IN_PROGRESS,
  RETRY_STATE_NON_RETRYABLE_FAILURE,
  RETRY_STATE_TIMEOUT,
  RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED,
  RETRY_STATE_RETRY_POLICY_NOT_SET,
  RETRY_STATE_INTERNAL_SERVER_ERROR,
  RETRY_STATE_CANCEL_REQUESTED;

  private static final String PREFIX = "RETRY_STATE_";

  /** The constant without its {@code RETRY_STATE_} prefix, as the HTTP API spells it. */
  public String shortName() {
    return EnumNames.shortName(this, PREFIX);
  }

  /** Accepts either the short or the full name, case-insensitively. */
  public static RetryState fromShortName(String name) {
    return EnumNames.fromShortName(RetryState.class, PREFIX, name);
  }
}
