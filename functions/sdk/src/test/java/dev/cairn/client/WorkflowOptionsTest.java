package dev.cairn.client;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.common.SearchAttributeKey;
import dev.cairn.common.SearchAttributes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowOptionsTest {

  @Test
  void validateBuildWithDefaults_shouldRequireTaskQueue_whenMissing() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> WorkflowOptions.newBuilder().setWorkflowId("w").validateBuildWithDefaults());
    assertTrue(e.getMessage().contains("taskQueue"), e.getMessage());
  }

  @Test
  void builder_shouldRejectInvalidCombinations_whenGiven() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WorkflowOptions.newBuilder().setWorkflowRunTimeout(Duration.ofSeconds(-5)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WorkflowOptions.newBuilder()
                .setSearchAttributes(Map.of("A", "b"))
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder().set(SearchAttributeKey.forKeyword("A"), "b").build())
                .build());
  }

  @Test
  void toBuilder_shouldKeepAllFields_whenRebuilt() {
    WorkflowOptions o =
        WorkflowOptions.newBuilder()
            .setWorkflowId("order-1")
            .setTaskQueue("orders")
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setStartDelay(Duration.ofMinutes(1))
            .setMemo(Map.of("k", 1))
            .build();
    WorkflowOptions copy = o.toBuilder().build();
    assertEquals(o, copy);
    assertEquals(o.hashCode(), copy.hashCode());
    assertEquals(Map.of("k", 1), copy.getMemo());
    assertNotEquals(o, o.toBuilder().setCronSchedule("* * * * *").build());
    assertTrue(o.toString().contains("order-1"));
  }

  @Test
  void workflowFailedException_shouldFormatLikeTemporal_whenCreated() {
    WorkflowExecution ex = WorkflowExecution.newBuilder().setWorkflowId("w1").setRunId("r1").build();
    WorkflowFailedException e =
        new WorkflowFailedException(
            ex, "OrderWorkflow", EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, 7,
            RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE, null);
    assertEquals(
        "Workflow execution {workflowId='w1', runId='r1', workflowType='OrderWorkflow'} failed. "
            + "Metadata: {closeEventType='EVENT_TYPE_WORKFLOW_EXECUTION_FAILED', "
            + "retryState='RETRY_STATE_NON_RETRYABLE_FAILURE', workflowTaskCompletedEventId=7'}",
        e.getMessage());
    assertEquals(ex, e.getExecution());
    assertEquals("OrderWorkflow", e.getWorkflowType().orElseThrow());
    assertEquals(7, e.getWorkflowTaskCompletedEventId());
  }

  @Test
  void workflowExecutionAlreadyStarted_shouldExposeExecution_whenCreated() {
    WorkflowExecution ex = WorkflowExecution.newBuilder().setWorkflowId("w").build();
    WorkflowExecutionAlreadyStarted e = new WorkflowExecutionAlreadyStarted(ex, null, null);
    assertEquals("workflowId='w', runId=''", e.getMessage());
    assertTrue(e.getWorkflowType().isEmpty());
  }
}
