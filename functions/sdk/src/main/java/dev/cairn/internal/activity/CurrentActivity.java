package dev.cairn.internal.activity;

import dev.cairn.activity.ActivityExecutionContext;

/** Holds the context of the activity running on the current thread; set by the worker. */
public final class CurrentActivity {
  private static final ThreadLocal<ActivityExecutionContext> CURRENT = new ThreadLocal<>();

  private CurrentActivity() {}

  public static void set(ActivityExecutionContext context) {
    CURRENT.set(context);
  }

  public static void clear() {
    CURRENT.remove();
  }

  public static ActivityExecutionContext get() {
    ActivityExecutionContext context = CURRENT.get();
    if (context == null) {
      throw new IllegalStateException(
          "Activity.getExecutionContext() may be called only from activity code");
    }
    return context;
  }
}
