package dev.cairn.samples.hello;

import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;

/**
 * Shows continue-as-new, how a long-running workflow keeps its history short: each run does one
 * batch, then continues as a new run of the same workflow id with the running total. The client's
 * result is the last run's.
 */
public final class HelloContinueAsNew {
  private HelloContinueAsNew() {}

  @WorkflowInterface
  public interface BatchSumWorkflow {
    /** Sums {@code batches} batches of {@code batchSize} numbers, one run per batch; returns the sum. */
    @WorkflowMethod
    long sum(int batches, int batchSize, long total);
  }

  public static class BatchSumWorkflowImpl implements BatchSumWorkflow {
    @Override
    public long sum(int batches, int batchSize, long total) {
      long batch = 0;
      for (int i = 1; i <= batchSize; i++) {
        batch += i;
      }
      if (batches > 1) {
        Workflow.continueAsNew(batches - 1, batchSize, total + batch);
      }
      return total + batch;
    }
  }
}
