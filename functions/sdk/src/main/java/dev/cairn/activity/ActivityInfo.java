package dev.cairn.activity;

import dev.cairn.common.converter.Payloads;
import java.time.Duration;
import java.util.Optional;

/** What an activity knows about the task it is running; from {@link ActivityExecutionContext}. */
public interface ActivityInfo {
  /** Identifies this task for asynchronous completion through ActivityCompletionClient. */
  byte[] getTaskToken();

  String getWorkflowId();

  String getRunId();

  String getActivityId();

  String getActivityType();

  /** When the workflow first scheduled the activity, in epoch milliseconds. */
  long getScheduledTimestamp();

  /** When this attempt started, in epoch milliseconds. */
  long getStartedTimestamp();

  /** When this attempt was scheduled (after the retry delay), in epoch milliseconds. */
  long getCurrentAttemptScheduledTimestamp();

  Duration getScheduleToCloseTimeout();

  Duration getStartToCloseTimeout();

  Duration getHeartbeatTimeout();

  /** Details of the last heartbeat of a previous attempt, to resume from. */
  Optional<Payloads> getHeartbeatDetails();

  String getWorkflowType();

  String getWorkflowNamespace();

  String getActivityNamespace();

  /** Starts at 1. */
  int getAttempt();

  /** Temporal's name for the task queue the activity was dispatched on. */
  String getActivityTaskQueue();

  /** Same as {@link #getActivityTaskQueue()}. */
  default String getTaskQueue() {
    return getActivityTaskQueue();
  }

  boolean isLocal();
}
