package dev.cairn.client;

/** How many runs a visibility query matches: {@link WorkflowClient#countWorkflows(String)}. */
public final class WorkflowExecutionCount {
  private final long count;

  public WorkflowExecutionCount(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
    this.count = count;
  }

  public long getCount() {
    return count;
  }

  @Override
  public String toString() {
    return "WorkflowExecutionCount{count=" + count + "}";
  }
}
