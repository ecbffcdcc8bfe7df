package dev.cairn.internal.sync;

/**
 * A workflow thread kept the baton past the deadlock-detection timeout: it blocked outside the
 * workflow API (Thread.sleep, I/O, a lock) or, on JDK 21-23, parked a virtual thread inside
 * {@code synchronized}, which pins its carrier. The decision fails and is retried; the run stays open.
 */
public final class PotentialDeadlockException extends RuntimeException {
  public PotentialDeadlockException(String threadName, long timeoutMillis, StackTraceElement[] stack) {
    super(message(threadName, timeoutMillis));
    setStackTrace(stack);
  }

  private static String message(String threadName, long timeoutMillis) {
    String hint = Runtime.version().feature() < 24
        ? " On JDK " + Runtime.version().feature() + ", blocking inside a synchronized block or method pins the"
            + " virtual thread that runs workflow code: use java.util.concurrent locks, or run on JDK 24+."
        : "";
    return "Potential deadlock detected: workflow thread \"" + threadName + "\" did not yield within "
        + timeoutMillis + " ms. Workflow code must block only through the workflow API (Workflow.sleep,"
        + " Workflow.await, Promise.get, activity stubs), never Thread.sleep, I/O or other locks." + hint
        + " The stack trace below is that thread's.";
  }
}
