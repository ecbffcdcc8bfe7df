package dev.cairn.internal.activity;

import java.lang.reflect.InvocationTargetException;

/**
 * Carries a checked exception through code that can only throw unchecked ones ({@code
 * Activity.wrap}, {@code Workflow.wrap}); the failure converter unwraps it so the original type is
 * what gets reported.
 */
public final class CheckedExceptionWrapper extends RuntimeException {

  private CheckedExceptionWrapper(Throwable cause) {
    super(cause.toString(), cause);
  }

  /**
   * Runtime exceptions are returned as they are, checked ones wrapped; an {@link Error} is thrown,
   * never wrapped, so engine signals are not turned into failures.
   */
  public static RuntimeException wrap(Throwable e) {
    if (e instanceof Error error) {
      throw error;
    }
    if (e instanceof InvocationTargetException ite && ite.getCause() != null) {
      return wrap(ite.getCause());
    }
    if (e instanceof RuntimeException re) {
      return re;
    }
    return new CheckedExceptionWrapper(e);
  }

  /** The wrapped exception, or {@code e} itself when it is not a wrapper. */
  public static Throwable unwrap(Throwable e) {
    return e instanceof CheckedExceptionWrapper ? e.getCause() : e;
  }
}
