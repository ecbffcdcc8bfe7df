package dev.cairn.internal.replay;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.internal.history.EventAttributes.RequestCancelExternalWorkflowExecutionInitiated;
import dev.cairn.internal.history.EventAttributes.SignalExternalWorkflowExecutionInitiated;
import dev.cairn.internal.sync.CancellationScopeImpl;
import dev.cairn.internal.sync.WorkflowThread;
import dev.cairn.workflow.Promise;
import java.util.HashMap;
import java.util.Map;

/**
 * The signals and cancel requests this run sends to other workflows: issuing them, and finding each
 * by the event id that recorded it, so its outcome events find it.
 */
final class ExternalCalls {
  private final Map<Long, ExternalSignalCall> signals = new HashMap<>();
  private final Map<Long, ExternalCancelCall> cancels = new HashMap<>();
  private final ReplayContext ctx;
  private final DataConverter dataConverter;

  ExternalCalls(ReplayContext ctx, DataConverter dataConverter) {
    this.ctx = ctx;
    this.dataConverter = dataConverter;
  }

  /** Issues a signal to another workflow (or, {@code childWorkflowOnly}, to a child); completes once it is delivered. */
  Promise<Void> sendSignal(WorkflowExecution target, String signalName, Object[] args, boolean childWorkflowOnly) {
    ExternalSignalCall call = new ExternalSignalCall(ctx, new SignalExternalWorkflowExecutionInitiated(
        target.getWorkflowId(), emptyToNull(target.getRunId()), signalName, dataConverter.toPayloads(args).orElse(null),
        childWorkflowOnly));
    CancellationScopeImpl scope = WorkflowThread.require().currentScope();
    call.issue();
    ReplayContext.cancelWithScope(scope, call.result, call::cancel);
    return call.result;
  }

  /** Issues a request to cancel another workflow; completes once the request is delivered. */
  Promise<Void> requestCancel(WorkflowExecution target, String reason) {
    ExternalCancelCall call = new ExternalCancelCall(ctx, new RequestCancelExternalWorkflowExecutionInitiated(
        target.getWorkflowId(), emptyToNull(target.getRunId()), false, reason));
    call.issue();
    return call.result;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  void registerSignal(long initiatedEventId, ExternalSignalCall call) {
    signals.put(initiatedEventId, call);
  }

  void registerCancel(long initiatedEventId, ExternalCancelCall call) {
    cancels.put(initiatedEventId, call);
  }

  ExternalSignalCall signal(long initiatedEventId) {
    ExternalSignalCall call = signals.get(initiatedEventId);
    if (call == null) {
      throw new IllegalStateException("history refers to a signal to another workflow initiated by event "
          + initiatedEventId + ", which this run's code never sent");
    }
    return call;
  }

  boolean hasCancel(long initiatedEventId) {
    return cancels.containsKey(initiatedEventId);
  }

  ExternalCancelCall cancel(long initiatedEventId) {
    ExternalCancelCall call = cancels.get(initiatedEventId);
    if (call == null) {
      throw new IllegalStateException("history refers to a cancel request to another workflow initiated by event "
          + initiatedEventId + ", which this run's code never sent");
    }
    return call;
  }
}
