package dev.cairn.internal.sync;

import dev.cairn.internal.spi.WorkflowRuntime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs a workflow's threads cooperatively: it hands a baton to each runnable thread in creation
 * order and waits for it to come back, repeating until a full pass makes no progress. The order never
 * depends on timing, so replaying the same events runs the same code in the same order.
 */
public final class DeterministicRunner {
  public static final long DEFAULT_DEADLOCK_DETECTION_MILLIS = 2_000;

  private final WorkflowRuntime runtime;
  private final long deadlockDetectionMillis;
  private final List<WorkflowThread> threads = new ArrayList<>();
  private final Deque<Runnable> callbacks = new ArrayDeque<>();
  private final Semaphore yielded = new Semaphore(0);
  private final ThreadFactory threadFactory = Thread.ofVirtual().name("cairn-workflow-", 0).factory();
  private final CancellationScopeImpl rootScope;
  private boolean broken;
  private boolean closed;
  private int callbackThreads;

  public DeterministicRunner(WorkflowRuntime runtime, long deadlockDetectionMillis) {
    this.runtime = runtime;
    this.deadlockDetectionMillis = deadlockDetectionMillis;
    this.rootScope = new CancellationScopeImpl(this, null, false);
  }

  public WorkflowRuntime runtime() {
    return runtime;
  }

  public CancellationScopeImpl rootScope() {
    return rootScope;
  }

  ThreadFactory threadFactory() {
    return threadFactory;
  }

  /** Creates a thread that first runs at the next {@link #runUntilAllBlocked()} pass. */
  public WorkflowThread newThread(String name, CancellationScopeImpl scope, Runnable body) {
    checkUsable();
    WorkflowThread t = new WorkflowThread(this, name, scope, body);
    threads.add(t);
    return t;
  }

  /**
   * Queues work that must run on a workflow thread, such as completing promises from history events
   * whose callbacks are user code. Queued work runs, in order, before the other threads.
   */
  public void executeInWorkflowThread(Runnable callback) {
    checkUsable();
    callbacks.add(callback);
  }

  /** Runs threads until every one is blocked or finished. */
  public void runUntilAllBlocked() {
    checkUsable();
    boolean progress;
    do {
      progress = false;
      if (!callbacks.isEmpty()) {
        List<Runnable> batch = new ArrayList<>(callbacks);
        callbacks.clear();
        WorkflowThread t = new WorkflowThread(this, "callbacks-" + (++callbackThreads), rootScope, () -> batch.forEach(Runnable::run));
        threads.add(0, t);
      }
      for (int i = 0; i < threads.size(); i++) {
        WorkflowThread t = threads.get(i);
        if (t.isDone()) {
          continue;
        }
        try {
          progress |= t.runOnce(deadlockDetectionMillis);
        } catch (RuntimeException e) {
          broken = true;
          throw e;
        }
        if (t.unhandled() != null) {
          Throwable failure = t.unhandled();
          broken = true;
          if (failure instanceof RuntimeException re) {
            throw re;
          }
          if (failure instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(failure);
        }
      }
      threads.removeIf(WorkflowThread::isDone);
      progress |= !callbacks.isEmpty();
    } while (progress);
  }

  /** Number of threads not yet finished. */
  public int liveThreads() {
    int n = 0;
    for (WorkflowThread t : threads) {
      if (!t.isDone()) {
        n++;
      }
    }
    return n;
  }

  /** Describes where each live thread is blocked; for error messages and stack dumps. */
  public String describeThreads() {
    StringBuilder sb = new StringBuilder();
    for (WorkflowThread t : threads) {
      if (!t.isDone()) {
        sb.append(t.name()).append(": ").append(t.blockedOn() == null ? "runnable" : t.blockedOn()).append('\n');
      }
    }
    return sb.toString();
  }

  /** Unwinds every live thread (running its finally blocks) and releases them. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (broken) {
      // A thread may still hold the baton; do not wait on it again.
      for (WorkflowThread t : threads) {
        try {
          t.destroy(0);
        } catch (RuntimeException ignored) {
          // it will be destroyed when it next yields
        }
      }
      return;
    }
    for (WorkflowThread t : new ArrayList<>(threads)) {
      if (!t.isDone()) {
        t.destroy(deadlockDetectionMillis);
      }
    }
    threads.clear();
  }

  void yielded() {
    yielded.release();
  }

  void awaitYield(WorkflowThread t, long timeoutMillis) {
    try {
      if (timeoutMillis <= 0) {
        return;
      }
      if (!yielded.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
        broken = true;
        throw new PotentialDeadlockException(t.name(), timeoutMillis, t.stackTrace());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      broken = true;
      throw new IllegalStateException("interrupted while running workflow code", e);
    }
  }

  private void checkUsable() {
    if (closed || broken) {
      throw new IllegalStateException("workflow runner is " + (closed ? "closed" : "broken"));
    }
  }
}
