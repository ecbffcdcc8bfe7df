package dev.cairn.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisibilityQueryTest {
  @Test
  void parse_shouldReadRunFieldsAndSearchAttributes_whenClausesAreJoinedByAnd() {
    VisibilityQuery q = VisibilityQuery.parse(
        "WorkflowId = 'order-1' and WorkflowType=\"OrderWorkflow\" AND ExecutionStatus = 'ContinuedAsNew'"
            + " AND CustomerId = 'c-42' AND Priority = 3");

    assertEquals("order-1", q.workflowId());
    assertEquals("OrderWorkflow", q.workflowType());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW, q.status());
    assertEquals(Map.of("CustomerId", "c-42", "Priority", 3L), q.searchAttributes());
  }

  @Test
  void parse_shouldFilterNothing_whenTheQueryIsBlank() {
    VisibilityQuery q = VisibilityQuery.parse("  ");

    assertNull(q.workflowId());
    assertNull(q.status());
    assertNull(q.searchAttributes());
  }

  @Test
  void parse_shouldRefuseWithTheClause_whenAClauseIsNotAnEquality() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VisibilityQuery.parse("WorkflowId = 'a' OR StartTime > '2026-01-01'"));

    assertTrue(e.getMessage().contains("Field = 'value'"), e.getMessage());
  }

  @Test
  void parse_shouldRefuse_whenTheStatusIsUnknown() {
    assertThrows(IllegalArgumentException.class, () -> VisibilityQuery.parse("ExecutionStatus = 'Sleeping'"));
  }
}
