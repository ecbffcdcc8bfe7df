package dev.cairn.client;

import dev.cairn.activity.ActivityInfo;

/**
 * Thrown by heartbeat (and by completion calls) when the activity can no longer complete: it was
 * canceled, no longer exists, or its worker is shutting down.
 */
public class ActivityCompletionException extends RuntimeException {
  private final String workflowId;
  private final String runId;
  private final String activityType;
  private final String activityId;

  protected ActivityCompletionException(ActivityInfo info) {
    this(info, null);
  }

  protected ActivityCompletionException(ActivityInfo info, Throwable cause) {
    super(info == null ? null : describe(info), cause);
    this.workflowId = info == null ? null : info.getWorkflowId();
    this.runId = info == null ? null : info.getRunId();
    this.activityType = info == null ? null : info.getActivityType();
    this.activityId = info == null ? null : info.getActivityId();
  }

  protected ActivityCompletionException(String activityId, Throwable cause) {
    super(cause == null ? null : cause.getMessage(), cause);
    this.workflowId = null;
    this.runId = null;
    this.activityType = null;
    this.activityId = activityId;
  }

  protected ActivityCompletionException(Throwable cause) {
    this((String) null, cause);
  }

  protected ActivityCompletionException() {
    this((ActivityInfo) null, null);
  }

  /** Null when not known, as when completing by task token from outside the worker. */
  public String getWorkflowId() {
    return workflowId;
  }

  public String getRunId() {
    return runId;
  }

  public String getActivityType() {
    return activityType;
  }

  public String getActivityId() {
    return activityId;
  }

  private static String describe(ActivityInfo info) {
    return "workflowId='" + info.getWorkflowId()
        + "', runId='" + info.getRunId()
        + "', activityType='" + info.getActivityType()
        + "', activityId='" + info.getActivityId() + "'";
  }
}
