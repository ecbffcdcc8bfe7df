package dev.cairn.internal.replay;

import dev.cairn.internal.history.EventAttributes.ActivityTaskCancelRequested;
import dev.cairn.internal.history.EventAttributes.ActivityTaskScheduled;
import dev.cairn.internal.history.EventAttributes.CommandEvent;
import dev.cairn.internal.history.EventAttributes.MarkerRecorded;
import dev.cairn.internal.history.EventAttributes.RequestCancelExternalWorkflowExecutionInitiated;
import dev.cairn.internal.history.EventAttributes.SignalExternalWorkflowExecutionInitiated;
import dev.cairn.internal.history.EventAttributes.StartChildWorkflowExecutionInitiated;
import dev.cairn.internal.history.EventAttributes.TimerCanceled;
import dev.cairn.internal.history.EventAttributes.TimerStarted;
import dev.cairn.internal.history.EventAttributes.UpsertWorkflowSearchAttributes;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionCanceled;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionCompleted;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionContinuedAsNew;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionFailed;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionUpdateCompleted;
import dev.cairn.internal.history.EventTypes;

/**
 * Decides whether a command the code issues on replay is the one history recorded: same type and
 * same identity (activity type and id, timer id, marker key, child type and id). Arguments are not
 * compared, as in Temporal, so a changed argument is not a non-determinism error.
 */
final class CommandMatcher {
  private CommandMatcher() {}

  static boolean matches(CommandEvent issued, CommandEvent recorded) {
    if (issued.getClass() != recorded.getClass()) {
      return false;
    }
    return switch (issued) {
      case ActivityTaskScheduled a -> {
        ActivityTaskScheduled r = (ActivityTaskScheduled) recorded;
        yield a.activityId().equals(r.activityId()) && a.activityType().equals(r.activityType());
      }
      case TimerStarted t -> t.timerId().equals(((TimerStarted) recorded).timerId());
      case TimerCanceled t -> t.timerId().equals(((TimerCanceled) recorded).timerId());
      case ActivityTaskCancelRequested c -> c.scheduledEventId() == ((ActivityTaskCancelRequested) recorded).scheduledEventId();
      case MarkerRecorded m -> MarkerIndex.keyOf(m).equals(MarkerIndex.keyOf((MarkerRecorded) recorded));
      case StartChildWorkflowExecutionInitiated c -> {
        StartChildWorkflowExecutionInitiated r = (StartChildWorkflowExecutionInitiated) recorded;
        yield c.workflowType().equals(r.workflowType()) && java.util.Objects.equals(c.workflowId(), r.workflowId());
      }
      case SignalExternalWorkflowExecutionInitiated s -> {
        SignalExternalWorkflowExecutionInitiated r = (SignalExternalWorkflowExecutionInitiated) recorded;
        yield s.signalName().equals(r.signalName()) && s.workflowId().equals(r.workflowId());
      }
      case RequestCancelExternalWorkflowExecutionInitiated c ->
          c.workflowId().equals(((RequestCancelExternalWorkflowExecutionInitiated) recorded).workflowId());
      case WorkflowExecutionUpdateCompleted u ->
          u.updateId().equals(((WorkflowExecutionUpdateCompleted) recorded).updateId());
      case WorkflowExecutionCompleted c -> true;
      case WorkflowExecutionFailed f -> true;
      case WorkflowExecutionCanceled c -> true;
      case WorkflowExecutionContinuedAsNew c -> true;
      case UpsertWorkflowSearchAttributes u -> true;
    };
  }

  /** A command in the words of the non-determinism message. */
  static String describe(CommandEvent c) {
    String detail = switch (c) {
      case ActivityTaskScheduled a -> "activityType=" + a.activityType() + ", activityId=" + a.activityId();
      case TimerStarted t -> "timerId=" + t.timerId() + ", startToFireTimeout=" + t.startToFireTimeout();
      case TimerCanceled t -> "timerId=" + t.timerId();
      case ActivityTaskCancelRequested a -> "scheduledEventId=" + a.scheduledEventId();
      case MarkerRecorded m -> "marker=" + MarkerIndex.keyOf(m);
      case StartChildWorkflowExecutionInitiated s -> "workflowType=" + s.workflowType() + ", workflowId=" + s.workflowId();
      case SignalExternalWorkflowExecutionInitiated s -> "signalName=" + s.signalName() + ", workflowId=" + s.workflowId();
      case RequestCancelExternalWorkflowExecutionInitiated r -> "workflowId=" + r.workflowId();
      case WorkflowExecutionUpdateCompleted u -> "updateId=" + u.updateId();
      case WorkflowExecutionCompleted x -> "";
      case WorkflowExecutionFailed x -> "";
      case WorkflowExecutionCanceled x -> "";
      case WorkflowExecutionContinuedAsNew x -> "workflowType=" + x.workflowType();
      case UpsertWorkflowSearchAttributes x -> "";
    };
    return EventTypes.nameOf(c.getClass()) + (detail.isEmpty() ? "" : " {" + detail + "}");
  }
}
