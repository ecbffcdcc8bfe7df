package dev.cairn.internal.service;

import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.PendingExternal;
import dev.cairn.internal.store.Task;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signals and cancel requests from one workflow to another (docs/adr/0008-external-workflow-signals.md).
 * The sender's decision commits its SignalExternalWorkflowExecutionInitiated (or
 * RequestCancelExternalWorkflowExecutionInitiated) with a {@link PendingExternal} and a task. The task
 * applies the request to the target in one commit that also records its request id there, then
 * records the outcome in the sender in a second commit. A redelivery finds the request id on the target
 * and only records the outcome; once the outcome is recorded the {@link PendingExternal} is gone and
 * the task changes nothing (invariant 3).
 */
final class ExternalWorkflows {
  /** The failure cause of a request whose target does not exist or is closed, as Temporal names it. */
  static final String NOT_FOUND = "EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND";

  private final WorkflowService service;

  ExternalWorkflows(WorkflowService service) {
    this.service = service;
  }

  private HistoryStore store() {
    return service.store();
  }

  void handle(Task task) {
    switch (task) {
      case Task.SignalExternalTask t -> deliver(t.key(), t.initiatedEventId());
      case Task.CancelExternalTask t -> deliver(t.key(), t.initiatedEventId());
      default -> throw new IllegalArgumentException("not an external workflow task: " + task);
    }
  }

  /** The id a target remembers a request by: a function of the sender's run and event, the same on every delivery. */
  static String requestId(ExecutionKey sender, long initiatedEventId) {
    return UUID.nameUUIDFromBytes(("external/" + sender.runId() + "/" + initiatedEventId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private void deliver(ExecutionKey sender, long initiatedEventId) {
    if (pending(sender, initiatedEventId) == null) {
      return; // outcome recorded already, or the sender closed
    }
    Request r = Request.of(initiated(sender, initiatedEventId), initiatedEventId);
    String requestId = requestId(sender, initiatedEventId);
    Optional<ExecutionKey> applied = service.retrying(() -> applyToTarget(sender, r, requestId));
    service.retrying(() -> {
      ExecutionRecord rec = store().get(sender).orElse(null);
      if (rec == null || !rec.isOpen() || !rec.state().externals().containsKey(initiatedEventId)) {
        return null; // a concurrent delivery recorded it
      }
      EventAttributes outcome = applied.map(k -> r.delivered(k.runId())).orElseGet(r::failed);
      service.appendWithDecision(rec, List.of(outcome), b -> b.externals.remove(initiatedEventId));
      return null;
    });
  }

  /** The run that has the request (applied now or by an earlier delivery), or empty when none can take it. */
  private Optional<ExecutionKey> applyToTarget(ExecutionKey sender, Request r, String requestId) {
    if (r.workflowId().equals(sender.workflowId())) {
      return Optional.empty(); // Temporal refuses a workflow's signal or cancel request to itself
    }
    Optional<ExecutionRecord> found = r.runId() == null || r.runId().isEmpty()
        ? store().getCurrent(r.workflowId())
        : store().get(new ExecutionKey(r.workflowId(), r.runId()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ExecutionRecord target = found.get();
    if (target.state().appliedRequestIds().contains(requestId)) {
      return Optional.of(target.key()); // an earlier delivery applied it, then stopped before recording the outcome
    }
    if (!target.isOpen()) {
      return Optional.empty();
    }
    service.appendWithDecision(target, List.of(r.event()), b -> b.applied(requestId));
    return Optional.of(target.key());
  }

  private PendingExternal pending(ExecutionKey sender, long initiatedEventId) {
    ExecutionRecord rec = store().get(sender).orElse(null);
    return rec == null || !rec.isOpen() ? null : rec.state().externals().get(initiatedEventId);
  }

  private CommandEvent initiated(ExecutionKey sender, long eventId) {
    List<HistoryEvent> events = store().readHistory(sender, eventId, 1);
    if (!events.isEmpty() && (events.get(0).attributes() instanceof SignalExternalWorkflowExecutionInitiated
        || events.get(0).attributes() instanceof RequestCancelExternalWorkflowExecutionInitiated)) {
      return (CommandEvent) events.get(0).attributes();
    }
    throw new IllegalStateException("event " + eventId + " of " + sender + " is not a signal or cancel request to another workflow");
  }

  /** One request as its Initiated event recorded it: what the target gets, and the sender's outcome events. */
  private record Request(String workflowId, String runId, long initiatedEventId, EventAttributes event, boolean signal) {
    static Request of(CommandEvent initiated, long initiatedEventId) {
      return switch (initiated) {
        case SignalExternalWorkflowExecutionInitiated s -> new Request(s.workflowId(), s.runId(), initiatedEventId,
            new WorkflowExecutionSignaled(s.signalName(), s.input(), null), true);
        case RequestCancelExternalWorkflowExecutionInitiated c -> new Request(c.workflowId(), c.runId(), initiatedEventId,
            new WorkflowExecutionCancelRequested(c.reason(), null), false);
        default -> throw new IllegalArgumentException("not a request to another workflow: " + initiated);
      };
    }

    EventAttributes delivered(String targetRunId) {
      return signal ? new ExternalWorkflowExecutionSignaled(initiatedEventId, workflowId, targetRunId)
          : new ExternalWorkflowExecutionCancelRequested(initiatedEventId, workflowId, targetRunId);
    }

    EventAttributes failed() {
      return signal ? new SignalExternalWorkflowExecutionFailed(initiatedEventId, workflowId, NOT_FOUND)
          : new RequestCancelExternalWorkflowExecutionFailed(initiatedEventId, workflowId, NOT_FOUND);
    }
  }
}
