package dev.cairn.api.enums.v1;

/** What happens to a child when its parent closes; mirrors Temporal's proto enum. */
public enum ParentClosePolicy {
  PARENT_CLOSE_POLICY_UNSPECIFIED,
  PARENT_CLOSE_POLICY_TERMINATE,
  PARENT_CLOSE_POLICY_ABANDON,
  PARENT_CLOSE_POLICY_REQUEST_CANCEL;

  private static final String PREFIX = "PARENT_CLOSE_POLICY_";

  /** The constant without its {@code PARENT_CLOSE_POLICY_} prefix, as the HTTP API spells it. */
  public String shortName() {
    return EnumNames.shortName(this, PREFIX);
  }

  /** Accepts either the short or the full name, case-insensitively. */
  public static ParentClosePolicy fromShortName(String name) {
    return EnumNames.fromShortName(ParentClosePolicy.class, PREFIX, name);
  }
}
