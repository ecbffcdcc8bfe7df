package dev.cairn.api.enums.v1;

/** A run's lifecycle state; mirrors Temporal's proto enum. */
public enum WorkflowExecutionStatus {
  WORKFLOW_EXECUTION_STATUS_UNSPECIFIED,
  WORKFLOW_EXECUTION_STATUS_RUNNING,
  WORKFLOW_EXECUTION_STATUS_COMPLETED,
  WORKFLOW_EXECUTION_STATUS_FAILED,
  WORKFLOW_EXECUTION_STATUS_CANCELED,
  WORKFLOW_EXECUTION_STATUS_TERMINATED,
  WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW,
  WORKFLOW_EXECUTION_STATUS_TIMED_OUT;

  private static final String PREFIX = "WORKFLOW_EXECUTION_STATUS_";

  /** The constant without its {@code WORKFLOW_EXECUTION_STATUS_} prefix, as the HTTP API spells it. */
  public String shortName() {
    return EnumNames.shortName(this, PREFIX);
  }

  /** Accepts either the short or the full name, case-insensitively. */
  public static WorkflowExecutionStatus fromShortName(String name) {
    return EnumNames.fromShortName(WorkflowExecutionStatus.class, PREFIX, name);
  }
}
