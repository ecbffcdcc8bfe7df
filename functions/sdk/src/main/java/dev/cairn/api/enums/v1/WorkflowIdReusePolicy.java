package dev.cairn.api.enums.v1;

/** Whether a closed workflow's id may be used again; mirrors Temporal's proto enum. */
public enum WorkflowIdReusePolicy {
  WORKFLOW_ID_REUSE_POLICY_UNSPECIFIED,
  WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE,
  WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY,
  WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
  WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING;

  private static final String PREFIX = "WORKFLOW_ID_REUSE_POLICY_";

  /** The constant without its {@code WORKFLOW_ID_REUSE_POLICY_} prefix, as the HTTP API spells it. */
  public String shortName() {
    return EnumNames.shortName(this, PREFIX);
  }

  /** Accepts either the short or the full name, case-insensitively. */
  public static WorkflowIdReusePolicy fromShortName(String name) {
    return EnumNames.fromShortName(WorkflowIdReusePolicy.class, PREFIX, name);
  }
}
