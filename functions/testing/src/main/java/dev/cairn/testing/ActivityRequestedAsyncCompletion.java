package dev.cairn.testing;

/**
 * Thrown by a {@link TestActivityEnvironment} stub when the activity called
 * {@code doNotCompleteOnReturn()}: it will be completed later by task token, so there is no result yet.
 */
public final class ActivityRequestedAsyncCompletion extends RuntimeException {
  private final String activityId;
  private final boolean manualCompletion;

  public ActivityRequestedAsyncCompletion(String activityId, boolean manualCompletion) {
    super("activity requested async completion");
    this.activityId = activityId;
    this.manualCompletion = manualCompletion;
  }

  public String getActivityId() {
    return activityId;
  }

  public boolean isManualCompletion() {
    return manualCompletion;
  }
}
