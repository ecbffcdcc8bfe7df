package dev.cairn.internal.definition;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Reflection calls that surface the target's own exception, not the reflection wrapper. */
public final class Invocations {
  private Invocations() {}

  public static Object invoke(Method method, Object target, Object[] args) {
    try {
      method.setAccessible(true);
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw unwrap(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + method + ": " + e.getMessage(), e);
    }
  }

  /** The cause, rethrown as is when unchecked; checked ones are wrapped so callers see them. */
  public static RuntimeException unwrap(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException re) {
      return re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new CheckedExceptionThrown(cause);
  }

  /** A checked exception thrown by user code, carried as unchecked. */
  public static final class CheckedExceptionThrown extends RuntimeException {
    CheckedExceptionThrown(Throwable cause) {
      super(cause);
    }
  }
}
