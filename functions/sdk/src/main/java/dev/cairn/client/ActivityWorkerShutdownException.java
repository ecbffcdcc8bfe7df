package dev.cairn.client;

import dev.cairn.activity.ActivityInfo;

/** The worker is shutting down; the activity should stop so it can be retried elsewhere. */
public final class ActivityWorkerShutdownException extends ActivityCompletionException {
  public ActivityWorkerShutdownException(ActivityInfo info) {
    super(info);
  }

  public ActivityWorkerShutdownException() {
    super();
  }
}
