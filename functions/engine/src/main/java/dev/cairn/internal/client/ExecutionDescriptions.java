package dev.cairn.internal.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.workflow.v1.PendingActivityInfo;
import dev.cairn.client.WorkflowExecutionDescription;
import dev.cairn.client.WorkflowExecutionMetadata;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionStarted;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.SearchAttributeMaps;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.PendingActivity;
import java.time.Instant;
import java.util.List;

/**
 * A run's record as the client's metadata and description. The record has the visibility fields;
 * memo, parent and the first decision's delay are on the run's first event, which is read (one event,
 * never the whole history).
 */
final class ExecutionDescriptions {
  private final HistoryStore store;
  private final DataConverter dataConverter;

  ExecutionDescriptions(HistoryStore store, DataConverter dataConverter) {
    this.store = store;
    this.dataConverter = dataConverter;
  }

  WorkflowExecutionMetadata metadata(ExecutionRecord r) {
    List<HistoryEvent> first = store.readHistory(r.key(), 1, 1);
    WorkflowExecutionStarted started = !first.isEmpty() && first.get(0).attributes() instanceof WorkflowExecutionStarted s
        ? s : null;
    Instant executionTime = started == null || started.firstWorkflowTaskBackoff() == null ? r.startTime()
        : r.startTime().plus(started.firstWorkflowTaskBackoff());
    WorkflowExecution parent = started == null || started.parentWorkflowId() == null ? null
        : WorkflowExecution.newBuilder().setWorkflowId(started.parentWorkflowId())
            .setRunId(started.parentRunId() == null ? "" : started.parentRunId()).build();
    return new WorkflowExecutionMetadata(
        WorkflowExecution.newBuilder().setWorkflowId(r.key().workflowId()).setRunId(r.key().runId()).build(),
        r.workflowType(), r.taskQueue(), r.status(), r.startTime(), executionTime, r.closeTime(), r.lastEventId(),
        parent, started == null ? null : started.memo(), SearchAttributeMaps.toTyped(r.searchAttributes()),
        dataConverter);
  }

  WorkflowExecutionDescription description(ExecutionRecord r) {
    List<PendingActivityInfo> pending = r.state().activities().values().stream()
        .sorted(java.util.Comparator.comparingLong(PendingActivity::scheduledEventId)) // in the order scheduled
        .map(ExecutionDescriptions::pendingActivity).toList();
    return new WorkflowExecutionDescription(metadata(r), pending);
  }

  private static PendingActivityInfo pendingActivity(PendingActivity a) {
    return new PendingActivityInfo(a.activityId(), a.activityType(), a.attempt(), a.lastFailure(),
        a.nextAttemptTime(), a.cancelRequested(), a.heartbeatDetails());
  }
}
