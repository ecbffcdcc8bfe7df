package dev.cairn.client;

import dev.cairn.activity.ActivityInfo;

/** The workflow requested cancellation; the activity should clean up and rethrow this. */
public final class ActivityCanceledException extends ActivityCompletionException {
  public ActivityCanceledException(ActivityInfo info) {
    super(info);
  }

  public ActivityCanceledException() {
    super();
  }
}
