package dev.cairn.client;

import dev.cairn.api.workflow.v1.PendingActivityInfo;
import java.util.List;

/**
 * One run as {@link WorkflowStub#describe()} sees it: its visibility record plus what it waits on.
 * Temporal keeps the pending activities in the raw gRPC response; Cairn has no gRPC, so they are here.
 */
public class WorkflowExecutionDescription extends WorkflowExecutionMetadata {
  private final List<PendingActivityInfo> pendingActivities;

  public WorkflowExecutionDescription(WorkflowExecutionMetadata metadata, List<PendingActivityInfo> pendingActivities) {
    super(metadata);
    this.pendingActivities = pendingActivities == null ? List.of() : List.copyOf(pendingActivities);
  }

  /** Activities scheduled and not yet closed (completed, failed for good, timed out or canceled). */
  public List<PendingActivityInfo> getPendingActivities() {
    return pendingActivities;
  }

  @Override
  public String toString() {
    return super.toString() + (pendingActivities.isEmpty() ? "" : " pending " + pendingActivities);
  }
}
