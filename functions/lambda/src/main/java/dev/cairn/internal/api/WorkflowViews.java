package dev.cairn.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.PendingActivity;
import java.util.List;

/** The JSON the API answers with for runs: one list entry, or a full describe. */
final class WorkflowViews {
  private static final ObjectMapper JSON = HistoryJson.mapper();

  private WorkflowViews() {}

  /**
   * A run as the list shows it: the record's fields, plus what its first event ({@code first}, null
   * when unread) tells: when its first decision was due, its parent and its memo.
   */
  static ObjectNode summary(ExecutionRecord r, HistoryEvent first) {
    ObjectNode n = JSON.createObjectNode();
    n.put("workflowId", r.key().workflowId());
    n.put("runId", r.key().runId());
    n.put("workflowType", r.workflowType());
    n.put("taskQueue", r.taskQueue());
    n.put("status", r.status().shortName());
    n.put("startTime", r.startTime().toString());
    if (r.closeTime() != null) {
      n.put("closeTime", r.closeTime().toString());
    }
    n.put("historyLength", r.lastEventId());
    if (!r.searchAttributes().isEmpty()) {
      n.set("searchAttributes", JSON.valueToTree(r.searchAttributes()));
    }
    if (first != null && first.attributes() instanceof EventAttributes.WorkflowExecutionStarted s) {
      n.put("executionTime", (s.firstWorkflowTaskBackoff() == null ? r.startTime()
          : r.startTime().plus(s.firstWorkflowTaskBackoff())).toString());
      if (s.parentWorkflowId() != null) {
        ObjectNode parent = n.putObject("parentExecution").put("workflowId", s.parentWorkflowId());
        if (s.parentRunId() != null) {
          parent.put("runId", s.parentRunId());
        }
      }
      if (s.memo() != null && !s.memo().isEmpty()) {
        n.set("memo", JSON.valueToTree(s.memo()));
      }
    }
    return n;
  }

  /**
   * A run's summary plus its input (first event), its outcome (last event, once closed) and what it
   * waits on. Reads two events, never the whole history.
   */
  static ObjectNode describe(ExecutionRecord r, HistoryEvent first, HistoryEvent last) {
    ObjectNode n = summary(r, first);
    if (first != null && first.attributes() instanceof EventAttributes.WorkflowExecutionStarted s) {
      n.set("input", s.input() == null ? JSON.createArrayNode() : JSON.valueToTree(s.input()));
    }
    if (!r.isOpen() && last != null) {
      switch (last.attributes()) {
        case EventAttributes.WorkflowExecutionCompleted c -> n.set("result", firstValue(c.result()));
        case EventAttributes.WorkflowExecutionFailed f -> n.set("failure", JSON.valueToTree(f.failure()));
        case EventAttributes.WorkflowExecutionTerminated t -> n.put("terminationReason", t.reason());
        case EventAttributes.WorkflowExecutionContinuedAsNew c -> n.put("newExecutionRunId", c.newExecutionRunId());
        default -> { }
      }
    }
    ArrayNode pending = n.putArray("pendingActivities");
    for (PendingActivity pa : r.state().activities().values().stream()
        .sorted(java.util.Comparator.comparingLong(PendingActivity::scheduledEventId)).toList()) { // in the order scheduled
      ObjectNode a = pending.addObject();
      a.put("activityId", pa.activityId());
      a.put("activityType", pa.activityType());
      a.put("attempt", pa.attempt());
      if (pa.lastFailure() != null) {
        a.set("lastFailure", JSON.valueToTree(pa.lastFailure()));
      }
      if (pa.nextAttemptTime() != null) {
        a.put("nextAttemptTime", pa.nextAttemptTime().toString());
      }
      if (pa.cancelRequested()) {
        a.put("cancelRequested", true);
      }
      if (pa.heartbeatDetails() != null) {
        a.set("heartbeatDetails", firstValue(pa.heartbeatDetails())); // the attempt's progress, as it reported it
      }
    }
    ArrayNode children = n.putArray("pendingChildren");
    r.state().children().values().forEach(c -> {
      ObjectNode child = children.addObject().put("workflowId", c.workflowId()).put("workflowType", c.workflowType());
      if (c.runId() != null) {
        child.put("runId", c.runId());
      }
      child.put("parentClosePolicy", c.parentClosePolicy() == null ? "TERMINATE" : c.parentClosePolicy().shortName());
    });
    ArrayNode timers = n.putArray("pendingTimers");
    r.state().timers().forEach((id, t) -> timers.addObject().put("timerId", id).put("fireTime", t.fireAt().toString()));
    if (r.state().lastDecisionFailure() != null) {
      // the run is blocked on a decision that fails (non-determinism or a bug); fixed code resumes it
      n.put("lastDecisionFailure", r.state().lastDecisionFailure());
      n.put("decisionFailures", r.state().decisionFailures());
    }
    return n;
  }

  /** A workflow method returns one value: show it, not a one-element array. */
  static JsonNode firstValue(dev.cairn.common.converter.Payloads result) {
    if (result == null || result.getPayloadsCount() == 0) {
      return JSON.nullNode();
    }
    JsonNode all = JSON.valueToTree(result);
    return all.isArray() && all.size() == 1 ? all.get(0) : all;
  }

  static ObjectNode history(List<HistoryEvent> events, String nextPageToken) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode array = n.putArray("events");
    events.forEach(e -> array.add(HistoryJson.toTree(e)));
    n.put("nextPageToken", nextPageToken);
    return n;
  }
}
