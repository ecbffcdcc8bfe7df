package dev.cairn.internal.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.enums.v1.ParentClosePolicy;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.Payload;
import dev.cairn.common.converter.Payloads;
import java.time.Duration;
import java.util.Map;

/**
 * What happened, one record per event type, named after Temporal's event types. Adding a type here
 * is a compile error in every exhaustive {@code switch} until each handler covers it, and
 * {@link EventTypes} names it for JSON.
 *
 * <p>Command events (written by a decision) are marked with {@link CommandEvent}; the replayer
 * matches them one for one against the commands the code issues.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface EventAttributes {

  /** An event a decision writes for one of its commands. */
  sealed interface CommandEvent extends EventAttributes {}

  // ---------------------------------------------------------------- the run
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowExecutionStarted(
      String workflowType,
      String taskQueue,
      Payloads input,
      Duration workflowExecutionTimeout,
      Duration workflowRunTimeout,
      int attempt,
      String cronSchedule,
      String firstExecutionRunId,
      String continuedExecutionRunId,
      String parentWorkflowId,
      String parentRunId,
      Long parentInitiatedEventId,
      Payloads lastCompletionResult,
      Failure continuedFailure,
      Map<String, Payload> memo,
      Map<String, Object> searchAttributes,
      Duration firstWorkflowTaskBackoff,
      RetryPolicy retryPolicy,
      String identity,
      String originalExecutionRunId,
      String initiator,
      java.time.Instant workflowExecutionExpirationTime)
      implements EventAttributes {

    /** A run no one continued: started by a client, a schedule or an event. */
    public WorkflowExecutionStarted(String workflowType, String taskQueue, Payloads input,
        Duration workflowExecutionTimeout, Duration workflowRunTimeout, int attempt, String cronSchedule,
        String firstExecutionRunId, String continuedExecutionRunId, String parentWorkflowId, String parentRunId,
        Long parentInitiatedEventId, Payloads lastCompletionResult, Failure continuedFailure, Map<String, Payload> memo,
        Map<String, Object> searchAttributes, Duration firstWorkflowTaskBackoff, RetryPolicy retryPolicy,
        String identity, String originalExecutionRunId) {
      this(workflowType, taskQueue, input, workflowExecutionTimeout, workflowRunTimeout, attempt, cronSchedule,
          firstExecutionRunId, continuedExecutionRunId, parentWorkflowId, parentRunId, parentInitiatedEventId,
          lastCompletionResult, continuedFailure, memo, searchAttributes, firstWorkflowTaskBackoff, retryPolicy, identity,
          originalExecutionRunId, null, null);
    }
  }

  /** Temporal's ContinueAsNewInitiator short names, as {@code initiator} records them. */
  final class Initiators {
    public static final String WORKFLOW = "Workflow";
    public static final String RETRY = "Retry";
    public static final String CRON_SCHEDULE = "CronSchedule";

    private Initiators() {}
  }

  /** A decision's boundary: the workflow saw every earlier event, at this event's timestamp. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowTaskCompleted(String identity, long historyLengthWarning) implements EventAttributes {}

  /** A decision that could not complete (non-determinism, a bug in workflow code); the run stays open. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowTaskFailed(String cause, Failure failure, String identity) implements EventAttributes {}

  /** {@code newExecutionRunId}: the run a cron schedule started after this one, as Temporal records it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowExecutionCompleted(Payloads result, String newExecutionRunId) implements CommandEvent {
    public WorkflowExecutionCompleted(Payloads result) {
      this(result, null);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowExecutionFailed(Failure failure, RetryState retryState, String newExecutionRunId) implements CommandEvent {
    public WorkflowExecutionFailed(Failure failure, RetryState retryState) {
      this(failure, retryState, null);
    }
  }

  record WorkflowExecutionCanceled(Payloads details) implements CommandEvent {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowExecutionContinuedAsNew(
      String newExecutionRunId,
      String workflowType,
      String taskQueue,
      Payloads input,
      Duration workflowRunTimeout,
      Duration backoffStartInterval,
      String initiator,
      Failure failure,
      Payloads lastCompletionResult,
      Map<String, Payload> memo,
      Map<String, Object> searchAttributes)
      implements CommandEvent {}

  /** The run or execution timeout passed; {@code newExecutionRunId} as for a completed cron run. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowExecutionTimedOut(RetryState retryState, String newExecutionRunId) implements EventAttributes {
    public WorkflowExecutionTimedOut(RetryState retryState) {
      this(retryState, null);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowExecutionTerminated(String reason, Payloads details, String identity) implements EventAttributes {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowExecutionSignaled(String signalName, Payloads input, String identity) implements EventAttributes {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowExecutionCancelRequested(String cause, String identity) implements EventAttributes {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowExecutionUpdateAccepted(String updateId, String name, Payloads input, String identity)
      implements EventAttributes {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WorkflowExecutionUpdateCompleted(String updateId, Payloads result, Failure failure) implements CommandEvent {}

  record UpsertWorkflowSearchAttributes(Map<String, Object> searchAttributes) implements CommandEvent {}

  // ---------------------------------------------------------------- activities
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ActivityTaskScheduled(
      String activityId,
      String activityType,
      String taskQueue,
      Payloads input,
      Duration scheduleToCloseTimeout,
      Duration scheduleToStartTimeout,
      Duration startToCloseTimeout,
      Duration heartbeatTimeout,
      RetryPolicy retryPolicy)
      implements CommandEvent {}

  /** Written together with the attempt's outcome, as Temporal does, so retries cost no extra event. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ActivityTaskStarted(long scheduledEventId, int attempt, String identity, Failure lastFailure)
      implements EventAttributes {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ActivityTaskCompleted(long scheduledEventId, long startedEventId, Payloads result, String identity)
      implements EventAttributes {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ActivityTaskFailed(
      long scheduledEventId, long startedEventId, Failure failure, RetryState retryState, String identity)
      implements EventAttributes {}

  record ActivityTaskTimedOut(long scheduledEventId, long startedEventId, Failure failure, RetryState retryState)
      implements EventAttributes {}

  record ActivityTaskCancelRequested(long scheduledEventId) implements CommandEvent {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ActivityTaskCanceled(long scheduledEventId, long startedEventId, Payloads details, String identity)
      implements EventAttributes {}

  // ---------------------------------------------------------------- timers
  record TimerStarted(String timerId, Duration startToFireTimeout) implements CommandEvent {}

  record TimerFired(String timerId, long startedEventId) implements EventAttributes {}

  record TimerCanceled(String timerId, long startedEventId) implements CommandEvent {}

  // ---------------------------------------------------------------- markers (side effects, versions, local activities)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MarkerRecorded(String markerName, Map<String, Payloads> details, Failure failure) implements CommandEvent {}

  // ---------------------------------------------------------------- child workflows
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StartChildWorkflowExecutionInitiated(
      String workflowId,
      String workflowType,
      String taskQueue,
      Payloads input,
      Duration workflowExecutionTimeout,
      Duration workflowRunTimeout,
      ParentClosePolicy parentClosePolicy,
      WorkflowIdReusePolicy workflowIdReusePolicy,
      String cronSchedule,
      Map<String, Payload> memo,
      Map<String, Object> searchAttributes,
      RetryPolicy retryPolicy)
      implements CommandEvent {}

  record StartChildWorkflowExecutionFailed(String workflowId, String workflowType, String cause, long initiatedEventId)
      implements EventAttributes {}

  record ChildWorkflowExecutionStarted(String workflowId, String runId, String workflowType, long initiatedEventId)
      implements EventAttributes {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChildWorkflowExecutionCompleted(String workflowId, String runId, long initiatedEventId, Payloads result)
      implements EventAttributes {}

  record ChildWorkflowExecutionFailed(
      String workflowId, String runId, long initiatedEventId, Failure failure, RetryState retryState)
      implements EventAttributes {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChildWorkflowExecutionCanceled(String workflowId, String runId, long initiatedEventId, Payloads details)
      implements EventAttributes {}

  record ChildWorkflowExecutionTimedOut(String workflowId, String runId, long initiatedEventId, RetryState retryState)
      implements EventAttributes {}

  record ChildWorkflowExecutionTerminated(String workflowId, String runId, long initiatedEventId)
      implements EventAttributes {}

  // ---------------------------------------------------------------- other workflows
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SignalExternalWorkflowExecutionInitiated(
      String workflowId, String runId, String signalName, Payloads input, boolean childWorkflowOnly)
      implements CommandEvent {}

  record ExternalWorkflowExecutionSignaled(long initiatedEventId, String workflowId, String runId)
      implements EventAttributes {}

  record SignalExternalWorkflowExecutionFailed(long initiatedEventId, String workflowId, String cause)
      implements EventAttributes {}

  /** {@code reason}: why, as the caller gave it (ExternalWorkflowStub.cancel(reason)); recorded as the target's cause. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RequestCancelExternalWorkflowExecutionInitiated(String workflowId, String runId, boolean childWorkflowOnly,
      String reason) implements CommandEvent {
    public RequestCancelExternalWorkflowExecutionInitiated(String workflowId, String runId, boolean childWorkflowOnly) {
      this(workflowId, runId, childWorkflowOnly, null);
    }
  }

  record ExternalWorkflowExecutionCancelRequested(long initiatedEventId, String workflowId, String runId)
      implements EventAttributes {}

  record RequestCancelExternalWorkflowExecutionFailed(long initiatedEventId, String workflowId, String cause)
      implements EventAttributes {}
}
