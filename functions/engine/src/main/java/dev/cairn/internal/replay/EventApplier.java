package dev.cairn.internal.replay;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;

/**
 * Feeds one non-command event to the run: resolves the promise it completes or starts the handler
 * it triggers. Returns whether the event is news the workflow must decide on.
 */
final class EventApplier {
  private EventApplier() {}

  static boolean apply(ReplayContext ctx, HistoryEvent event, DataConverter dc) {
    return switch (event.attributes()) {
      case ActivityTaskStarted e -> false;
      case ActivityTaskCompleted e -> defer(ctx, () -> ctx.activities().activity(e.scheduledEventId()).completed(e));
      case ActivityTaskFailed e -> defer(ctx, () -> ctx.activities().activity(e.scheduledEventId()).failed(e, dc));
      case ActivityTaskTimedOut e -> defer(ctx, () -> ctx.activities().activity(e.scheduledEventId()).timedOut(e, dc));
      case ActivityTaskCanceled e -> defer(ctx, () -> ctx.activities().activity(e.scheduledEventId()).canceled(e, dc));
      case TimerFired e -> defer(ctx, () -> ctx.timers().timer(e.timerId()).fire());
      case WorkflowExecutionSignaled e -> {
        ctx.messages().deliverSignal(e.signalName(), e.input());
        yield true;
      }
      case WorkflowExecutionCancelRequested e -> {
        ctx.requestCancel();
        yield true;
      }
      case WorkflowExecutionTerminated e -> false;
      case WorkflowExecutionTimedOut e -> false;
      case WorkflowExecutionUpdateAccepted e -> {
        ctx.messages().deliverUpdate(e.updateId(), e.name(), e.input());
        yield true;
      }
      case StartChildWorkflowExecutionFailed e -> defer(ctx, () -> ctx.children().child(e.initiatedEventId()).startFailed(e));
      case ChildWorkflowExecutionStarted e -> defer(ctx, () -> ctx.children().child(e.initiatedEventId()).started(e, event.eventId()));
      case ChildWorkflowExecutionCompleted e -> defer(ctx, () -> ctx.children().child(e.initiatedEventId()).closed(e, dc));
      case ChildWorkflowExecutionFailed e -> defer(ctx, () -> ctx.children().child(e.initiatedEventId()).closed(e, dc));
      case ChildWorkflowExecutionCanceled e -> defer(ctx, () -> ctx.children().child(e.initiatedEventId()).closed(e, dc));
      case ChildWorkflowExecutionTimedOut e -> defer(ctx, () -> ctx.children().child(e.initiatedEventId()).closed(e, dc));
      case ChildWorkflowExecutionTerminated e -> defer(ctx, () -> ctx.children().child(e.initiatedEventId()).closed(e, dc));
      case ExternalWorkflowExecutionCancelRequested e -> defer(ctx, () -> ctx.cancelRequestDelivered(e.initiatedEventId()));
      case ExternalWorkflowExecutionSignaled e -> defer(ctx, () -> ctx.externals().signal(e.initiatedEventId()).signaled());
      case SignalExternalWorkflowExecutionFailed e -> defer(ctx, () -> ctx.externals().signal(e.initiatedEventId()).failed(e));
      case RequestCancelExternalWorkflowExecutionFailed e -> defer(ctx, () -> ctx.externals().cancel(e.initiatedEventId()).failed());
      case WorkflowExecutionStarted e -> throw new IllegalStateException("a second WorkflowExecutionStarted at event " + event.eventId());
      case WorkflowTaskCompleted e -> throw new IllegalStateException("not an outcome event");
      case WorkflowTaskFailed e -> false;
      case EventAttributes.CommandEvent e -> throw new IllegalStateException("command events are matched, not applied");
    };
  }

  /** Resolution runs on a workflow thread because promise callbacks are user code. */
  private static boolean defer(ReplayContext ctx, Runnable resolution) {
    ctx.runner().executeInWorkflowThread(resolution);
    return true;
  }
}
