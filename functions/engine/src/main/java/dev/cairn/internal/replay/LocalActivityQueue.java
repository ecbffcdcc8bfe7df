package dev.cairn.internal.replay;

import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes.MarkerRecorded;
import dev.cairn.internal.sync.CancellationScopeImpl;
import dev.cairn.internal.sync.DeterministicRunner;
import dev.cairn.internal.sync.WorkflowThread;
import dev.cairn.workflow.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The local activities the run's code is waiting for, run between rounds of workflow code. */
final class LocalActivityQueue {
  private final ReplayContext ctx;
  private final RunInfo info;
  private final DataConverter dataConverter;
  private final DeterministicRunner runner;
  private final MarkerIndex markers;
  private final LocalActivityExecutor localActivityExecutor;
  private final RunOutcome outcome;
  private final List<LocalActivityCall> pending = new ArrayList<>();
  private int localActivitySeq;

  /** {@code localActivityExecutor} is null where local activities may only be replayed. */
  LocalActivityQueue(ReplayContext ctx, RunInfo info, DataConverter dataConverter, DeterministicRunner runner,
      MarkerIndex markers, LocalActivityExecutor localActivityExecutor, RunOutcome outcome) {
    this.ctx = ctx;
    this.info = info;
    this.dataConverter = dataConverter;
    this.runner = runner;
    this.markers = markers;
    this.localActivityExecutor = localActivityExecutor;
    this.outcome = outcome;
  }

  /**
   * Runs the local activities the code is waiting for, between rounds of workflow code, until none
   * is left: their markers follow the commands issued before them, on replay as when first run.
   */
  void runPending() {
    while (outcome.closeCommand() == null && outcome.workflowTaskFailure() == null && !pending.isEmpty()) {
      List<LocalActivityCall> batch = new ArrayList<>(pending);
      pending.clear();
      for (LocalActivityCall call : batch) {
        Optional<MarkerRecorded> recorded = markers.localActivity(call.activityId, call.markersRecorded);
        MarkerRecorded marker;
        if (recorded.isPresent()) {
          marker = recorded.get();
        } else if (ctx.isReplaying() || localActivityExecutor == null) {
          continue; // never run on replay: the recorded decision did not complete it
        } else {
          marker = call.run(localActivityExecutor, info, ctx.currentTimeMillis(), dataConverter);
        }
        call.markersRecorded++;
        ctx.addCommand(marker, null);
        runner.executeInWorkflowThread(() -> call.resolve(ctx, marker, dataConverter));
      }
      runner.runUntilAllBlocked();
    }
  }

  Promise<Optional<Payloads>> schedule(String activityType, LocalActivityOptions options, Object[] args) {
    if (options == null) {
      throw new IllegalStateException("No LocalActivityOptions for local activity " + activityType
          + ": pass them to Workflow.newLocalActivityStub");
    }
    LocalActivityOptions o = LocalActivityOptions.newBuilder(options).validateAndBuildWithDefaults();
    CancellationScopeImpl scope = WorkflowThread.require().currentScope();
    LocalActivityCall call = new LocalActivityCall(ctx, String.valueOf(++localActivitySeq), activityType,
        dataConverter.toPayloads(args).orElse(null), o, scope, ctx.currentTimeMillis()); // arguments are never put in the marker
    Runnable cancel = () -> call.cancel(ctx);
    scope.onCancel(cancel);
    call.result.handle((v, f) -> {
      scope.removeCancelHook(cancel);
      return null;
    });
    if (scope.isCancelRequested()) {
      call.cancel(ctx);
    } else {
      pending.add(call);
    }
    return call.result;
  }

  void enqueue(LocalActivityCall call) {
    pending.add(call);
  }

  boolean dequeue(LocalActivityCall call) {
    return pending.remove(call);
  }
}
