package dev.cairn.api.enums.v1;

/** Which timeout fired; mirrors Temporal's proto enum. */
public enum TimeoutType {
  TIMEOUT_TYPE_UNSPECIFIED,
  TIMEOUT_TYPE_START_TO_CLOSE,
  TIMEOUT_TYPE_SCHEDULE_TO_START,
  TIMEOUT_TYPE_SCHEDULE_TO_CLOSE,
  TIMEOUT_TYPE_HEARTBEAT;

  private static final String PREFIX = "TIMEOUT_TYPE_";

  /** The constant without its {@code TIMEOUT_TYPE_} prefix, as the HTTP API spells it. */
  public String shortName() {
    return EnumNames.shortName(this, PREFIX);
  }

  /** Accepts either the short or the full name, case-insensitively. */
  public static TimeoutType fromShortName(String name) {
    return EnumNames.fromShortName(TimeoutType.class, PREFIX, name);
  }
}
