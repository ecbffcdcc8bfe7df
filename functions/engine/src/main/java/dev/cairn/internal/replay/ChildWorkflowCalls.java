package dev.cairn.internal.replay;

import dev.cairn.api.enums.v1.ParentClosePolicy;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.internal.history.EventAttributes.StartChildWorkflowExecutionInitiated;
import dev.cairn.internal.history.SearchAttributeMaps;
import dev.cairn.internal.sync.CancellationScopeImpl;
import dev.cairn.internal.sync.WorkflowThread;
import dev.cairn.workflow.ChildWorkflowOptions;
import java.util.HashMap;
import java.util.Map;

/** The run's child workflows: starting them, and finding each by the event that recorded it when its outcome arrives. */
final class ChildWorkflowCalls {
  private final ReplayContext ctx;
  private final RunInfo info;
  private final DataConverter dataConverter;
  private final Map<Long, ChildWorkflowCall> children = new HashMap<>();
  private final Map<Long, ChildWorkflowCall> childCancels = new HashMap<>();

  ChildWorkflowCalls(ReplayContext ctx, RunInfo info, DataConverter dataConverter) {
    this.ctx = ctx;
    this.info = info;
    this.dataConverter = dataConverter;
  }

  /** Issues the start of a child; its id defaults to a UUID drawn from the run's seeded random, as Temporal's. */
  ChildWorkflowCall start(String workflowType, ChildWorkflowOptions options, Object[] args) {
    ChildWorkflowOptions o = options == null ? ChildWorkflowOptions.getDefaultInstance() : options;
    Map<String, dev.cairn.common.converter.Payload> memo = null;
    if (o.getMemo() != null) {
      memo = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, Object> e : o.getMemo().entrySet()) {
        memo.put(e.getKey(), dataConverter.toPayload(e.getValue()).orElseThrow());
      }
    }
    StartChildWorkflowExecutionInitiated command = new StartChildWorkflowExecutionInitiated(
        o.getWorkflowId() != null ? o.getWorkflowId() : ctx.randomUUID().toString(),
        workflowType,
        o.getTaskQueue() == null || o.getTaskQueue().isEmpty() ? info.taskQueue() : o.getTaskQueue(),
        dataConverter.toPayloads(args).orElse(null),
        o.getWorkflowExecutionTimeout(),
        o.getWorkflowRunTimeout(),
        o.getParentClosePolicy() == null ? ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE : o.getParentClosePolicy(),
        o.getWorkflowIdReusePolicy(),
        o.getCronSchedule(),
        memo,
        o.getTypedSearchAttributes() != null ? SearchAttributeMaps.toMap(o.getTypedSearchAttributes()) : o.getSearchAttributes(),
        RetryPolicies.of(o.getRetryOptions()));
    ChildWorkflowCall call = new ChildWorkflowCall(ctx, command, o.getCancellationType());
    CancellationScopeImpl scope = WorkflowThread.require().currentScope();
    call.issue();
    ReplayContext.cancelWithScope(scope, call.result, call::cancel);
    return call;
  }

  void register(long initiatedEventId, ChildWorkflowCall call) {
    children.put(initiatedEventId, call);
  }

  void registerCancel(long cancelInitiatedEventId, ChildWorkflowCall call) {
    childCancels.put(cancelInitiatedEventId, call);
  }

  ChildWorkflowCall child(long initiatedEventId) {
    ChildWorkflowCall call = children.get(initiatedEventId);
    if (call == null) {
      throw new IllegalStateException("history refers to a child workflow initiated by event " + initiatedEventId
          + ", which this run's code never started");
    }
    return call;
  }

  ChildWorkflowCall byCancel(long cancelInitiatedEventId) {
    ChildWorkflowCall call = childCancels.get(cancelInitiatedEventId);
    if (call == null) {
      throw new IllegalStateException("history refers to a cancel request of event " + cancelInitiatedEventId
          + ", which this run's code never issued");
    }
    return call;
  }
}
