package dev.cairn.api.enums.v1;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class EnumShortNamesTest {

  @Test
  void shortName_shouldDropPrefix_whenCalled() {
    assertEquals("ALLOW_DUPLICATE", WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE.shortName());
    assertEquals("USE_EXISTING", WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING.shortName());
    assertEquals("RUNNING", WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING.shortName());
    assertEquals("START_TO_CLOSE", TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE.shortName());
    assertEquals("REQUEST_CANCEL", ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL.shortName());
    assertEquals("MAXIMUM_ATTEMPTS_REACHED", RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED.shortName());
  }

  @Test
  void fromShortName_shouldAcceptBothForms_whenValid() {
    assertEquals(
        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY,
        WorkflowIdReusePolicy.fromShortName("ALLOW_DUPLICATE_FAILED_ONLY"));
    assertEquals(
        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY,
        WorkflowIdReusePolicy.fromShortName("WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY"));
    assertEquals(TimeoutType.TIMEOUT_TYPE_HEARTBEAT, TimeoutType.fromShortName("heartbeat"));
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW,
        WorkflowExecutionStatus.fromShortName("CONTINUED_AS_NEW"));
    for (WorkflowIdConflictPolicy p : WorkflowIdConflictPolicy.values()) {
      assertEquals(p, WorkflowIdConflictPolicy.fromShortName(p.shortName()));
    }
  }

  @Test
  void fromShortName_shouldListValidNames_whenUnknown() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ParentClosePolicy.fromShortName("KILL"));
    assertTrue(e.getMessage().contains("KILL"), e.getMessage());
    assertTrue(e.getMessage().contains("TERMINATE, ABANDON, REQUEST_CANCEL"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TimeoutType.fromShortName(null));
  }
}
