package dev.cairn.internal.service;

import dev.cairn.api.enums.v1.WorkflowIdConflictPolicy;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.common.converter.Payload;
import dev.cairn.common.converter.Payloads;
import java.time.Duration;
import java.util.Map;

/** What starting a run takes; built by the client, the HTTP API and schedules alike. */
public record StartRequest(
    String workflowId,
    String workflowType,
    String taskQueue,
    Payloads input,
    WorkflowIdReusePolicy reusePolicy,
    WorkflowIdConflictPolicy conflictPolicy,
    Duration executionTimeout,
    Duration runTimeout,
    Duration startDelay,
    String cronSchedule,
    Map<String, Payload> memo,
    Map<String, Object> searchAttributes,
    String signalName,
    Payloads signalInput) {

  /**
   * Why this start cannot carry an update (update-with-start), or null if it can. As Temporal's
   * client, the conflict policy must be chosen (it decides whether an open run gets the update); a
   * delayed or cron start would hold the update until its first decision, so neither is taken.
   */
  public String updateWithStartProblem() {
    if (conflictPolicy == null || conflictPolicy == WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED) {
      return "update-with-start needs a WorkflowIdConflictPolicy in the workflow options: USE_EXISTING (an open run"
          + " gets the update) or FAIL (an open run is an error)";
    }
    if (startDelay != null && !startDelay.isZero()) {
      return "update-with-start cannot delay the start (startDelay): the update needs the run's first decision";
    }
    if (cronSchedule != null && !cronSchedule.isBlank()) {
      return "update-with-start cannot start a cron workflow (cronSchedule)";
    }
    if (signalName != null) {
      return "a start carries a signal or an update, not both";
    }
    return null;
  }
}
