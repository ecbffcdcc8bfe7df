package dev.cairn.api.failure.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.common.converter.Payloads;
import java.time.Duration;

/**
 * A failure as stored in history and sent between workers: plain data, language neutral, mirroring
 * Temporal's failure proto. At most one of the {@code *Info} components is set; it says which kind
 * of failure this is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Failure(
    String message,
    String source,
    String stackTrace,
    Failure cause,
    ApplicationFailureInfo applicationFailureInfo,
    TimeoutFailureInfo timeoutFailureInfo,
    CanceledFailureInfo canceledFailureInfo,
    TerminatedFailureInfo terminatedFailureInfo,
    ServerFailureInfo serverFailureInfo,
    ActivityFailureInfo activityFailureInfo,
    ChildWorkflowExecutionFailureInfo childWorkflowExecutionFailureInfo) {

  /** Written by this SDK, as Temporal's Java SDK writes it. */
  public static final String JAVA_SDK = "JavaSDK";

  public Failure {
    int set = 0;
    for (Object info :
        new Object[] {
          applicationFailureInfo, timeoutFailureInfo, canceledFailureInfo, terminatedFailureInfo,
          serverFailureInfo, activityFailureInfo, childWorkflowExecutionFailureInfo
        }) {
      if (info != null) set++;
    }
    if (set > 1) {
      throw new IllegalArgumentException("A Failure carries at most one info record, got " + set);
    }
  }

  /** Builds a failure with the info record matching {@code info}'s type (or none when null). */
  public static Failure of(
      String message, String source, String stackTrace, Failure cause, FailureInfo info) {
    return new Failure(
        message,
        source,
        stackTrace,
        cause,
        info instanceof ApplicationFailureInfo i ? i : null,
        info instanceof TimeoutFailureInfo i ? i : null,
        info instanceof CanceledFailureInfo i ? i : null,
        info instanceof TerminatedFailureInfo i ? i : null,
        info instanceof ServerFailureInfo i ? i : null,
        info instanceof ActivityFailureInfo i ? i : null,
        info instanceof ChildWorkflowExecutionFailureInfo i ? i : null);
  }

  /** The one info record that is set, or null. */
  public FailureInfo info() {
    if (applicationFailureInfo != null) return applicationFailureInfo;
    if (timeoutFailureInfo != null) return timeoutFailureInfo;
    if (canceledFailureInfo != null) return canceledFailureInfo;
    if (terminatedFailureInfo != null) return terminatedFailureInfo;
    if (serverFailureInfo != null) return serverFailureInfo;
    if (activityFailureInfo != null) return activityFailureInfo;
    return childWorkflowExecutionFailureInfo;
  }

  /** Marker for the info records, so {@link #of} and {@link #info} can be typed. */
  public sealed interface FailureInfo
      permits ApplicationFailureInfo,
          TimeoutFailureInfo,
          CanceledFailureInfo,
          TerminatedFailureInfo,
          ServerFailureInfo,
          ActivityFailureInfo,
          ChildWorkflowExecutionFailureInfo {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ApplicationFailureInfo(
      String type, boolean nonRetryable, Payloads details, Duration nextRetryDelay)
      implements FailureInfo {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TimeoutFailureInfo(TimeoutType timeoutType, Payloads lastHeartbeatDetails)
      implements FailureInfo {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CanceledFailureInfo(Payloads details) implements FailureInfo {}

  /** Annotated so Jackson writes it as {@code {}} rather than rejecting an empty bean. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TerminatedFailureInfo() implements FailureInfo {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ServerFailureInfo(boolean nonRetryable) implements FailureInfo {}

  /** {@code identity} (the worker that ran the attempt) comes last; it may be null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ActivityFailureInfo(
      long scheduledEventId,
      long startedEventId,
      String activityType,
      String activityId,
      RetryState retryState,
      String identity)
      implements FailureInfo {
    public ActivityFailureInfo(
        long scheduledEventId,
        long startedEventId,
        String activityType,
        String activityId,
        RetryState retryState) {
      this(scheduledEventId, startedEventId, activityType, activityId, retryState, null);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChildWorkflowExecutionFailureInfo(
      String namespace,
      WorkflowExecution workflowExecution,
      String workflowType,
      long initiatedEventId,
      long startedEventId,
      RetryState retryState)
      implements FailureInfo {}
}
