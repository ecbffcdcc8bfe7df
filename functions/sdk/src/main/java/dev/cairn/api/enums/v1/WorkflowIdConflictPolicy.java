package dev.cairn.api.enums.v1;

/** What a start does when a run with the same id is still open; mirrors Temporal's proto enum. */
public enum WorkflowIdConflictPolicy {
  WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED,
  WORKFLOW_ID_CONFLICT_POLICY_FAIL,
  WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
  WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING;

  private static final String PREFIX = "WORKFLOW_ID_CONFLICT_POLICY_";

  /** The constant without its {@code WORKFLOW_ID_CONFLICT_POLICY_} prefix, as the HTTP API spells it. */
  public String shortName() {
    return EnumNames.shortName(this, PREFIX);
  }

  /** Accepts either the short or the full name, case-insensitively. */
  public static WorkflowIdConflictPolicy fromShortName(String name) {
    return EnumNames.fromShortName(WorkflowIdConflictPolicy.class, PREFIX, name);
  }
}
