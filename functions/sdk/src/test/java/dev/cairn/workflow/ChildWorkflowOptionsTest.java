package dev.cairn.workflow;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.ParentClosePolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChildWorkflowOptionsTest {

  @Test
  void validateAndBuildWithDefaults_shouldDefaultCancellationAndParentClose_whenUnset() {
    ChildWorkflowOptions o = ChildWorkflowOptions.newBuilder().setWorkflowId("c").validateAndBuildWithDefaults();
    assertEquals(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED, o.getCancellationType());
    assertEquals(ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE, o.getParentClosePolicy());
    assertEquals("c", o.getWorkflowId());
    assertNull(ChildWorkflowOptions.getDefaultInstance().getCancellationType());
  }

  @Test
  void builders_shouldRejectNegativeTimeouts_whenGiven() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ChildWorkflowOptions.newBuilder().setWorkflowExecutionTimeout(Duration.ofSeconds(-1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> ContinueAsNewOptions.newBuilder().setWorkflowTaskTimeout(Duration.ofSeconds(-1)));
  }

  @Test
  void toBuilder_shouldRoundTrip_whenUnchanged() {
    ChildWorkflowOptions o =
        ChildWorkflowOptions.newBuilder().setTaskQueue("q").setCronSchedule("@hourly").build();
    assertEquals(o, o.toBuilder().build());
    ContinueAsNewOptions c = ContinueAsNewOptions.newBuilder().setTaskQueue("q2").build();
    assertEquals(c, c.toBuilder().build());
    assertNotEquals(c, ContinueAsNewOptions.getDefaultInstance());
    assertEquals("s", TimerOptions.newBuilder().setSummary("s").build().getSummary());
  }

  @Test
  void workflowExecution_shouldBuildAndCompare_whenFieldsSet() {
    WorkflowExecution a = WorkflowExecution.newBuilder().setWorkflowId("w").setRunId("r").build();
    assertEquals("w", a.getWorkflowId());
    assertEquals("r", a.getRunId());
    assertEquals(a, a.toBuilder().build());
    assertNotEquals(a, a.toBuilder().setRunId("r2").build());
    assertEquals("", WorkflowExecution.getDefaultInstance().getRunId());
    assertThrows(NullPointerException.class, () -> WorkflowExecution.newBuilder().setRunId(null));
  }
}
