package dev.cairn.internal.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.RetryPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * Work a commit hands to the queues. Each carries what its consumer needs so that the happy path
 * costs no extra read: an activity task carries its input. Consumers check a task against the run's
 * state before acting, so a duplicate or stale task changes nothing (invariant 3).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Task.DecisionTask.class, name = "decision"),
  @JsonSubTypes.Type(value = Task.ActivityTask.class, name = "activity"),
  @JsonSubTypes.Type(value = Task.TimerTask.class, name = "timer"),
  @JsonSubTypes.Type(value = Task.ActivityTimeoutTask.class, name = "activityTimeout"),
  @JsonSubTypes.Type(value = Task.WorkflowTimeoutTask.class, name = "workflowTimeout"),
  @JsonSubTypes.Type(value = Task.StartChildTask.class, name = "startChild"),
  @JsonSubTypes.Type(value = Task.ChildClosedTask.class, name = "childClosed"),
  @JsonSubTypes.Type(value = Task.CancelChildTask.class, name = "cancelChild"),
  @JsonSubTypes.Type(value = Task.ParentClosedTask.class, name = "parentClosed"),
  @JsonSubTypes.Type(value = Task.SignalExternalTask.class, name = "signalExternal"),
  @JsonSubTypes.Type(value = Task.CancelExternalTask.class, name = "cancelExternal")
})
public sealed interface Task {
  ExecutionKey key();

  /** Run a decision for the run. */
  record DecisionTask(ExecutionKey key) implements Task {}

  /** Run one attempt of an activity. */
  record ActivityTask(
      ExecutionKey key,
      String workflowType,
      long scheduledEventId,
      String activityId,
      String activityType,
      String taskQueue,
      int attempt,
      Payloads input,
      Instant scheduledTime,
      Duration scheduleToCloseTimeout,
      Duration scheduleToStartTimeout,
      Duration startToCloseTimeout,
      Duration heartbeatTimeout,
      RetryPolicy retryPolicy) implements Task {

    public ActivityTask withAttempt(int next) {
      return new ActivityTask(key, workflowType, scheduledEventId, activityId, activityType, taskQueue, next, input,
          scheduledTime, scheduleToCloseTimeout, scheduleToStartTimeout, startToCloseTimeout, heartbeatTimeout,
          retryPolicy);
    }
  }

  /** Fire a durable timer once {@code fireAt} has passed. */
  record TimerTask(ExecutionKey key, String timerId, Instant fireAt) implements Task {}

  /** Check whether an attempt of an activity has exceeded one of its timeouts. */
  record ActivityTimeoutTask(ExecutionKey key, long scheduledEventId, int attempt, TimeoutType timeoutType)
      implements Task {}

  /**
   * End the run as TIMED_OUT once {@code deadline} has passed, unless it closed before: committed with
   * the run's start, due at the earlier of its run and execution timeouts (durable, as timers are).
   */
  record WorkflowTimeoutTask(ExecutionKey key, Instant deadline) implements Task {}
  /** Create the child run of the parent's StartChildWorkflowExecutionInitiated event {@code initiatedEventId}. */
  record StartChildTask(ExecutionKey key, long initiatedEventId) implements Task {}

  /** Record in the parent {@code key} how its child run {@code child} closed. */
  record ChildClosedTask(ExecutionKey key, long initiatedEventId, ExecutionKey child) implements Task {}

  /** Deliver the parent's request (event {@code cancelInitiatedEventId}) to cancel its child {@code initiatedEventId}. */
  record CancelChildTask(ExecutionKey key, long cancelInitiatedEventId, long initiatedEventId) implements Task {}

  /** Apply the closed parent's close policy (terminate or request cancel) to its child run {@code key}. */
  record ParentClosedTask(ExecutionKey key, dev.cairn.api.enums.v1.ParentClosePolicy policy, ExecutionKey parent)
      implements Task {}

  /** Deliver the signal of the run's SignalExternalWorkflowExecutionInitiated event {@code initiatedEventId}. */
  record SignalExternalTask(ExecutionKey key, long initiatedEventId) implements Task {}

  /** Deliver the cancel request of the run's RequestCancelExternalWorkflowExecutionInitiated event {@code initiatedEventId}. */
  record CancelExternalTask(ExecutionKey key, long initiatedEventId) implements Task {}
}
