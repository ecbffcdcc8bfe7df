package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.testing.TestWorkflowExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HelloContinueAsNewTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(HelloContinueAsNew.BatchSumWorkflowImpl.class)
      .build();

  @Test
  void sum_shouldReturnTotalOfAllRuns_whenContinuedAsNewPerBatch(HelloContinueAsNew.BatchSumWorkflow workflow) {
    assertEquals(3 * 55L, workflow.sum(3, 10, 0));
  }
}
