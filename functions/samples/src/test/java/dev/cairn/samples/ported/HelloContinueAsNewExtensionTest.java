package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowStub;
import dev.cairn.samples.hello.HelloContinueAsNew.BatchSumWorkflow;
import dev.cairn.samples.hello.HelloContinueAsNew.BatchSumWorkflowImpl;
import dev.cairn.testing.TestWorkflowExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HelloContinueAsNew with the JUnit 5 extension injecting client and stub. */
class HelloContinueAsNewExtensionTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(BatchSumWorkflowImpl.class)
      .build();

  @Test
  void sum_shouldReturnTheLastRunsTotal_whenEachBatchContinuesAsNew(BatchSumWorkflow workflow) {
    assertEquals(4 * 15L, workflow.sum(4, 5, 0));
  }

  @Test
  void sum_shouldCloseTheFirstRunAsContinuedAsNew_whenMoreBatchesRemain(
      WorkflowClient client, BatchSumWorkflow workflow) {
    WorkflowExecution first = WorkflowClient.start(workflow::sum, 2, 3, 100L);

    assertEquals(112L, WorkflowStub.fromTyped(workflow).getResult(Long.class));

    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
        client.fetchHistory(first.getWorkflowId(), first.getRunId()).getLastEvent().getEventType());
    var latest = client.fetchHistory(first.getWorkflowId());
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, latest.getLastEvent().getEventType());
    assertNotEquals(first.getRunId(), latest.getWorkflowExecution().getRunId());
  }
}
