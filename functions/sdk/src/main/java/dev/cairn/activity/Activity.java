package dev.cairn.activity;

import dev.cairn.internal.activity.CheckedExceptionWrapper;
import dev.cairn.internal.activity.CurrentActivity;

/** Static entry points for activity code. */
public final class Activity {
  private Activity() {}

  /** The context of the activity running on this thread; fails outside activity code. */
  public static ActivityExecutionContext getExecutionContext() {
    return CurrentActivity.get();
  }

  /**
   * Lets an activity rethrow a checked exception without declaring it: runtime exceptions come back
   * as they are, checked ones wrapped; the wrapper is removed when the failure is reported, so the
   * caller sees the original type. Use as {@code throw Activity.wrap(e);}.
   */
  public static RuntimeException wrap(Throwable e) {
    return CheckedExceptionWrapper.wrap(e);
  }
}
