package dev.cairn.internal.service;

import dev.cairn.api.enums.v1.ParentClosePolicy;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.ConcurrentUpdateException;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.PendingChild;
import dev.cairn.internal.store.Task;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Child workflows across runs (docs/adr/0005-child-workflows.md). A parent's decision commits its
 * StartChildWorkflowExecutionInitiated with a {@link Task.StartChildTask}; that task creates the child
 * under a run id derived from the parent's run and event, so a redelivery finds the child it created,
 * then records ChildWorkflowExecutionStarted in the parent. The child's closing commit carries a
 * {@link Task.ChildClosedTask} that records the outcome in the parent. Each consumer checks the
 * parent's {@link PendingChild} first, so a duplicate or stale task changes nothing.
 */
final class ChildWorkflows {
  static final String ALREADY_EXISTS = "WORKFLOW_ALREADY_EXISTS";

  private final WorkflowService service;

  ChildWorkflows(WorkflowService service) {
    this.service = service;
  }

  private HistoryStore store() {
    return service.store();
  }

  void handle(Task task) {
    switch (task) {
      case Task.StartChildTask t -> startChild(t);
      case Task.ChildClosedTask t -> recordChildClosed(t);
      case Task.CancelChildTask t -> cancelChild(t);
      case Task.ParentClosedTask t -> applyParentClosePolicy(t.key(), t.policy());
      default -> throw new IllegalArgumentException("not a child workflow task: " + task);
    }
  }

  /** The child's first run id: a function of the parent's run and event, so every retry names the same run. */
  static String childRunId(ExecutionKey parent, long initiatedEventId) {
    return UUID.nameUUIDFromBytes((parent.runId() + "/" + initiatedEventId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * Tasks a closing run's commit carries: its parent close policy for each started child, and its
   * outcome for its own parent (not when it continues as new: the next run reports instead).
   */
  List<OutboxTask> onClose(ExecutionRecord closing, WorkflowExecutionStarted started, boolean continuedAsNew, Instant now) {
    List<OutboxTask> tasks = new ArrayList<>();
    for (PendingChild pc : closing.state().children().values()) {
      ParentClosePolicy policy = effective(pc.parentClosePolicy());
      if (pc.runId() != null && policy != ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON) {
        tasks.add(new OutboxTask(service.newId(), new Task.ParentClosedTask(new ExecutionKey(pc.workflowId(), pc.runId()),
            policy, closing.key()), now));
      }
    }
    if (started.parentWorkflowId() != null && !continuedAsNew) {
      tasks.add(new OutboxTask(service.newId(), new Task.ChildClosedTask(
          new ExecutionKey(started.parentWorkflowId(), started.parentRunId()), started.parentInitiatedEventId(),
          closing.key()), now));
    }
    return tasks;
  }

  private static ParentClosePolicy effective(ParentClosePolicy p) {
    return p == null || p == ParentClosePolicy.PARENT_CLOSE_POLICY_UNSPECIFIED ? ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE : p;
  }

  // ------------------------------------------------------------------ start

  private void startChild(Task.StartChildTask t) {
    service.retrying(() -> {
      ExecutionRecord parent = store().get(t.key()).orElse(null);
      if (parent == null) {
        return null;
      }
      StartChildWorkflowExecutionInitiated init = initiated(t.key(), t.initiatedEventId());
      ExecutionKey childKey = new ExecutionKey(init.workflowId(), childRunId(t.key(), t.initiatedEventId()));
      if (!parent.isOpen()) {
        // The parent closed while its child was being started: the close policy applies to it too.
        if (store().get(childKey).map(ExecutionRecord::isOpen).orElse(false)) {
          applyParentClosePolicy(childKey, effective(init.parentClosePolicy()));
        }
        return null;
      }
      PendingChild pc = parent.state().children().get(t.initiatedEventId());
      if (pc == null || pc.runId() != null) {
        return null; // started already, or its outcome is recorded
      }
      if (store().get(childKey).isEmpty() && !createChild(t.key(), t.initiatedEventId(), init, childKey)) {
        service.appendWithDecision(parent, List.of(new StartChildWorkflowExecutionFailed(init.workflowId(),
            init.workflowType(), ALREADY_EXISTS, t.initiatedEventId())), b -> b.children.remove(t.initiatedEventId()));
        return null;
      }
      service.appendWithDecision(parent, List.of(new ChildWorkflowExecutionStarted(init.workflowId(), childKey.runId(),
          init.workflowType(), t.initiatedEventId())), b -> b.children.put(t.initiatedEventId(), pc.withRunId(childKey.runId())));
      return null;
    });
  }

  /** Creates the child run; false when its workflow id is taken (open, or closed and not reusable). */
  private boolean createChild(ExecutionKey parent, long initiatedEventId, StartChildWorkflowExecutionInitiated init,
      ExecutionKey childKey) {
    while (true) {
      Optional<ExecutionRecord> current = store().getCurrent(init.workflowId());
      if (current.isPresent() && current.get().key().equals(childKey)) {
        return true;
      }
      if (current.isPresent() && (current.get().isOpen()
          || !WorkflowStarts.reuseAllowed(init.workflowIdReusePolicy(), current.get().status()))) {
        return false;
      }
      StartRequest request = new StartRequest(init.workflowId(), init.workflowType(), init.taskQueue(), init.input(),
          init.workflowIdReusePolicy(), null, init.workflowExecutionTimeout(), init.workflowRunTimeout(), null,
          init.cronSchedule(), init.memo(), init.searchAttributes(), null, null);
      Commit.NewRun run = service.starts().newRun(request, childKey.runId(), null,
          new WorkflowStarts.ParentLink(parent.workflowId(), parent.runId(), initiatedEventId), service.clock().instant());
      try {
        store().create(run, current.map(c -> c.key().runId()).orElse(null));
      } catch (ConcurrentUpdateException e) {
        if (store().get(childKey).isPresent()) {
          return true; // a concurrent delivery of the same task created it
        }
        continue;
      }
      service.send(childKey, run.tasks());
      return true;
    }
  }

  private StartChildWorkflowExecutionInitiated initiated(ExecutionKey parent, long eventId) {
    List<HistoryEvent> events = store().readHistory(parent, eventId, 1);
    if (events.isEmpty() || !(events.get(0).attributes() instanceof StartChildWorkflowExecutionInitiated init)) {
      throw new IllegalStateException("event " + eventId + " of " + parent + " is not StartChildWorkflowExecutionInitiated");
    }
    return init;
  }

  // ------------------------------------------------------------------ outcome

  private void recordChildClosed(Task.ChildClosedTask t) {
    service.retrying(() -> {
      ExecutionRecord parent = store().get(t.key()).orElse(null);
      PendingChild pc = parent == null || !parent.isOpen() ? null : parent.state().children().get(t.initiatedEventId());
      ExecutionRecord child = store().get(t.child()).orElse(null);
      if (pc == null || child == null || child.isOpen()) {
        return null; // recorded already, or the parent closed
      }
      HistoryEvent last = store().readHistory(t.child(), child.lastEventId(), 1).get(0);
      String wid = pc.workflowId();
      String rid = t.child().runId();
      long i = t.initiatedEventId();
      EventAttributes outcome = switch (last.attributes()) {
        case WorkflowExecutionCompleted c -> new ChildWorkflowExecutionCompleted(wid, rid, i, c.result());
        case WorkflowExecutionFailed f -> new ChildWorkflowExecutionFailed(wid, rid, i, f.failure(), f.retryState());
        case WorkflowExecutionCanceled c -> new ChildWorkflowExecutionCanceled(wid, rid, i, c.details());
        case WorkflowExecutionTimedOut x -> new ChildWorkflowExecutionTimedOut(wid, rid, i, x.retryState());
        case WorkflowExecutionTerminated x -> new ChildWorkflowExecutionTerminated(wid, rid, i);
        default -> throw new IllegalStateException("child " + t.child() + " is closed but its last event is " + last.eventType());
      };
      List<EventAttributes> events = new ArrayList<>();
      if (pc.runId() == null) {
        // The child closed before its start was recorded in the parent: record both, in order.
        events.add(new ChildWorkflowExecutionStarted(wid, childRunId(t.key(), i), pc.workflowType(), i));
      }
      if (pc.cancelInitiatedEventId() != 0 && outcome instanceof ChildWorkflowExecutionCanceled) {
        // The child saw the parent's cancel request and closed before the delivery was recorded: record
        // the delivery first, so the parent's history reads in the order things happened.
        events.add(new ExternalWorkflowExecutionCancelRequested(pc.cancelInitiatedEventId(), wid, rid));
      }
      events.add(outcome);
      service.appendWithDecision(parent, events, b -> b.children.remove(i));
      return null;
    });
  }

  // ------------------------------------------------------------------ cancellation and close policy

  private void cancelChild(Task.CancelChildTask t) {
    PendingChild pc = pendingCancel(t);
    if (pc == null) {
      return;
    }
    // Delivered before it is recorded: a crash in between repeats the request, which a run absorbs.
    requestCancel(new ExecutionKey(pc.workflowId(), pc.runId()));
    service.retrying(() -> {
      PendingChild still = pendingCancel(t);
      if (still != null) {
        service.appendWithDecision(store().get(t.key()).orElseThrow(), List.of(new ExternalWorkflowExecutionCancelRequested(
            t.cancelInitiatedEventId(), still.workflowId(), still.runId())),
            b -> b.children.put(still.initiatedEventId(), still.withCancelInitiated(0)));
      }
      return null;
    });
  }

  private PendingChild pendingCancel(Task.CancelChildTask t) {
    ExecutionRecord parent = store().get(t.key()).orElse(null);
    PendingChild pc = parent == null || !parent.isOpen() ? null : parent.state().children().get(t.initiatedEventId());
    return pc != null && pc.runId() != null && pc.cancelInitiatedEventId() == t.cancelInitiatedEventId() ? pc : null;
  }

  private void applyParentClosePolicy(ExecutionKey child, ParentClosePolicy policy) {
    switch (policy) {
      case PARENT_CLOSE_POLICY_REQUEST_CANCEL -> requestCancel(child);
      case PARENT_CLOSE_POLICY_TERMINATE -> latestRunOf(child).ifPresent(k -> {
        try {
          service.terminate(k.workflowId(), k.runId(), "by parent close policy");
        } catch (WorkflowService.WorkflowClosedException | WorkflowNotFoundException ignored) {
          // closed meanwhile: nothing left to do
        }
      });
      default -> { }
    }
  }

  private void requestCancel(ExecutionKey child) {
    latestRunOf(child).ifPresent(k -> {
      try {
        service.requestCancel(k.workflowId(), k.runId());
      } catch (WorkflowService.WorkflowClosedException | WorkflowNotFoundException ignored) {
        // closed meanwhile: its outcome reaches the parent on its own
      }
    });
  }

  /** The open run that continues the child's first run {@code first} (itself, or a run it continued as). */
  private Optional<ExecutionKey> latestRunOf(ExecutionKey first) {
    ExecutionRecord current = store().getCurrent(first.workflowId()).orElse(null);
    if (current == null || !current.isOpen()) {
      return Optional.empty();
    }
    if (current.key().equals(first)) {
      return Optional.of(first);
    }
    WorkflowExecutionStarted s = service.startedEvent(current.key());
    return first.runId().equals(s.firstExecutionRunId()) ? Optional.of(current.key()) : Optional.empty();
  }
}
