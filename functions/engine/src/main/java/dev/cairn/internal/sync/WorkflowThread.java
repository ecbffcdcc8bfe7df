package dev.cairn.internal.sync;

import dev.cairn.internal.spi.CurrentRuntime;
import dev.cairn.internal.spi.WorkflowRuntime;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * One coroutine of workflow code on a virtual thread. It runs only while it holds the runner's
 * baton and hands it back whenever it blocks, so exactly one workflow thread runs at a time and the
 * order in which they run is fixed by the runner, not by the JVM scheduler.
 */
public final class WorkflowThread {
  private static final ThreadLocal<WorkflowThread> CURRENT = new ThreadLocal<>();

  private final DeterministicRunner runner;
  private final String name;
  private final Runnable body;
  private final CancellationScopeImpl scope;
  private final Semaphore resume = new Semaphore(0);
  private Thread thread;
  private volatile boolean done;
  private volatile boolean destroyRequested;
  private volatile boolean progressed;
  private volatile Throwable unhandled;
  private volatile String blockedOn;
  private String blockingForbidden;
  private final java.util.ArrayDeque<CancellationScopeImpl> scopes = new java.util.ArrayDeque<>();

  WorkflowThread(DeterministicRunner runner, String name, CancellationScopeImpl scope, Runnable body) {
    this.runner = runner;
    this.name = name;
    this.scope = scope;
    this.body = body;
    this.scopes.push(scope);
  }

  /** The innermost cancellation scope this thread runs in. */
  public CancellationScopeImpl currentScope() {
    return scopes.peek();
  }

  void pushScope(CancellationScopeImpl s) {
    scopes.push(s);
  }

  void popScope() {
    scopes.pop();
  }

  /** The workflow thread the caller runs on, or null outside workflow code. */
  public static WorkflowThread current() {
    return CURRENT.get();
  }

  public static WorkflowThread require() {
    WorkflowThread t = CURRENT.get();
    if (t == null) {
      throw new IllegalStateException("blocking workflow calls are only allowed on a workflow thread"
          + " (not inside Promise callbacks such as thenApply or handle)");
    }
    return t;
  }

  public String name() {
    return name;
  }

  public CancellationScopeImpl scope() {
    return scope;
  }

  public DeterministicRunner runner() {
    return runner;
  }

  boolean isDone() {
    return done;
  }

  Throwable unhandled() {
    return unhandled;
  }

  String blockedOn() {
    return blockedOn;
  }

  StackTraceElement[] stackTrace() {
    Thread t = thread;
    return t == null ? new StackTraceElement[0] : t.getStackTrace();
  }

  /** Gives this thread the baton; returns whether it got past where it was blocked. */
  boolean runOnce(long deadlockTimeoutMillis) {
    progressed = true;
    if (thread == null) {
      thread = runner.threadFactory().newThread(this::main);
      thread.start();
    } else {
      resume.release();
    }
    runner.awaitYield(this, deadlockTimeoutMillis);
    return progressed;
  }

  /** Asks the thread to unwind at its next blocking point; runs its finally blocks. */
  void destroy(long timeoutMillis) {
    destroyRequested = true;
    if (thread == null || done) {
      done = true;
      return;
    }
    resume.release();
    runner.awaitYield(this, timeoutMillis);
  }

  private void main() {
    CURRENT.set(this);
    CurrentRuntime.set(runner.runtime());
    try {
      if (!destroyRequested) {
        body.run();
      }
    } catch (DestroyWorkflowThreadError e) {
      // unwound on purpose
    } catch (Throwable t) {
      if (!destroyRequested) {
        unhandled = t;
      }
    } finally {
      done = true;
      CurrentRuntime.set(null);
      CURRENT.remove();
      runner.yielded();
    }
  }

  /**
   * Blocks the calling workflow thread until {@code condition} holds. The condition is evaluated on
   * this thread each time the runner hands it the baton, so it may read workflow state freely.
   */
  public void yieldUntil(String reason, BooleanSupplier condition) {
    if (destroyRequested) {
      throw new DestroyWorkflowThreadError();
    }
    if (condition.getAsBoolean()) {
      return;
    }
    if (blockingForbidden != null) {
      throw new IllegalStateException(blockingForbidden + " must not block, but it waits on " + reason);
    }
    blockedOn = reason;
    try {
      while (true) {
        runner.yielded();
        resume.acquireUninterruptibly();
        if (destroyRequested) {
          throw new DestroyWorkflowThreadError();
        }
        if (condition.getAsBoolean()) {
          progressed = true;
          return;
        }
        progressed = false;
      }
    } finally {
      blockedOn = null;
    }
  }

  /**
   * Makes every blocking call of this thread fail at once, naming {@code handler}: query handlers
   * and update validators read state and return, they never wait.
   */
  public void forbidBlocking(String handler) {
    this.blockingForbidden = handler;
  }

  /** The runtime bound to this thread. */
  public WorkflowRuntime runtime() {
    return runner.runtime();
  }

  @Override
  public String toString() {
    return "WorkflowThread[" + name + (blockedOn == null ? "" : ", blocked on " + blockedOn) + "]";
  }
}
