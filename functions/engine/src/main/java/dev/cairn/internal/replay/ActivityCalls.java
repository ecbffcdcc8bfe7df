package dev.cairn.internal.replay;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.EventAttributes.ActivityTaskScheduled;
import dev.cairn.internal.sync.CancellationScopeImpl;
import dev.cairn.internal.sync.WorkflowThread;
import dev.cairn.worker.WorkflowImplementationOptions;
import dev.cairn.workflow.Promise;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The run's activities: scheduling them, and finding each by the event that recorded it when its outcome arrives. */
final class ActivityCalls {
  private final ReplayContext ctx;
  private final RunInfo info;
  private final DataConverter dataConverter;
  private final WorkflowImplementationOptions implementationOptions;
  private final Map<Long, ActivityCall> activities = new HashMap<>();
  private int activitySeq;

  ActivityCalls(ReplayContext ctx, RunInfo info, DataConverter dataConverter,
      WorkflowImplementationOptions implementationOptions) {
    this.ctx = ctx;
    this.info = info;
    this.dataConverter = dataConverter;
    this.implementationOptions = implementationOptions;
  }

  Promise<Optional<Payloads>> schedule(String activityType, ActivityOptions options, Object[] args) {
    ActivityOptions o = options;
    if (o == null) {
      o = implementationOptions.getDefaultActivityOptions();
      Map<String, ActivityOptions> byType = implementationOptions.getActivityOptions();
      if (byType != null && byType.containsKey(activityType)) {
        o = byType.get(activityType);
      }
    }
    if (o == null) {
      throw new IllegalStateException("No ActivityOptions for activity " + activityType
          + ": pass them to Workflow.newActivityStub or set them in WorkflowImplementationOptions");
    }
    if (o.getStartToCloseTimeout() == null && o.getScheduleToCloseTimeout() == null) {
      throw new IllegalArgumentException("Both StartToCloseTimeout and ScheduleToCloseTimeout aren't"
          + " specified for " + activityType + " activity. Please set at least one of the above through"
          + " the ActivityStub or WorkflowImplementationOptions.");
    }
    ActivityTaskScheduled command = new ActivityTaskScheduled(
        String.valueOf(++activitySeq),
        activityType,
        o.getTaskQueue() == null || o.getTaskQueue().isEmpty() ? info.taskQueue() : o.getTaskQueue(),
        dataConverter.toPayloads(args).orElse(null),
        o.getScheduleToCloseTimeout(),
        o.getScheduleToStartTimeout(),
        o.getStartToCloseTimeout(),
        o.getHeartbeatTimeout(),
        RetryPolicies.of(o.getRetryOptions()));
    ActivityCall call = new ActivityCall(ctx, command, o.getCancellationType());
    CancellationScopeImpl scope = WorkflowThread.require().currentScope();
    call.issue();
    ReplayContext.cancelWithScope(scope, call.result, call::cancel);
    return call.result;
  }

  void register(long scheduledEventId, ActivityCall call) {
    activities.put(scheduledEventId, call);
  }

  ActivityCall activity(long scheduledEventId) {
    ActivityCall call = activities.get(scheduledEventId);
    if (call == null) {
      throw new IllegalStateException("history refers to activity scheduled by event " + scheduledEventId
          + ", which this run's code never scheduled");
    }
    return call;
  }
}
