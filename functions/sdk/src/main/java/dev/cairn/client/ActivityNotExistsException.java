package dev.cairn.client;

import dev.cairn.activity.ActivityInfo;

/** The activity already completed, timed out, or its workflow closed: nothing left to report to. */
public final class ActivityNotExistsException extends ActivityCompletionException {
  public ActivityNotExistsException(Throwable cause) {
    super(cause);
  }

  public ActivityNotExistsException(ActivityInfo info, Throwable cause) {
    super(info, cause);
  }
}
