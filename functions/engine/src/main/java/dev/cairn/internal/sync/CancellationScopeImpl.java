package dev.cairn.internal.sync;

import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.Functions;
import dev.cairn.workflow.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the cancellation tree. Work started inside registers a cancel hook (an activity issues a
 * cancel command, a timer cancels itself); cancelling runs the hooks and cancels attached children.
 */
public final class CancellationScopeImpl implements CancellationScope {
  private final DeterministicRunner runner;
  private final CancellationScopeImpl parent;
  private final boolean detached;
  private final List<CancellationScopeImpl> children = new ArrayList<>();
  private final List<Runnable> cancelHooks = new ArrayList<>();
  private Functions.Proc1<CancellationScope> body;
  private boolean cancelRequested;
  private String reason;
  private CompletablePromiseImpl<String> request;

  CancellationScopeImpl(DeterministicRunner runner, CancellationScopeImpl parent, boolean detached) {
    this.runner = runner;
    this.parent = parent;
    this.detached = detached;
  }

  /** A scope under {@code parent}; not yet run. */
  public static CancellationScopeImpl create(
      CancellationScopeImpl parent, boolean detached, Functions.Proc1<CancellationScope> body) {
    CancellationScopeImpl s = new CancellationScopeImpl(parent.runner, parent, detached);
    s.body = body;
    if (!detached) {
      parent.children.add(s);
      if (parent.cancelRequested) {
        s.cancelRequested = true;
        s.reason = parent.reason;
      }
    }
    return s;
  }

  @Override
  public void run() {
    WorkflowThread t = WorkflowThread.require();
    t.pushScope(this);
    try {
      body.apply(this);
    } finally {
      t.popScope();
      if (parent != null && !detached) {
        parent.children.remove(this);
      }
    }
  }

  @Override
  public boolean isDetached() {
    return detached;
  }

  @Override
  public void cancel() {
    cancel(null);
  }

  @Override
  public void cancel(String why) {
    if (cancelRequested) {
      return;
    }
    cancelRequested = true;
    reason = why;
    if (request != null) {
      request.complete(why);
    }
    for (Runnable hook : new ArrayList<>(cancelHooks)) {
      hook.run();
    }
    cancelHooks.clear();
    for (CancellationScopeImpl child : new ArrayList<>(children)) {
      child.cancel(why);
    }
  }

  @Override
  public String getCancellationReason() {
    return reason;
  }

  @Override
  public boolean isCancelRequested() {
    return cancelRequested;
  }

  @Override
  public Promise<String> getCancellationRequest() {
    if (request == null) {
      request = new CompletablePromiseImpl<>(runner);
      if (cancelRequested) {
        request.complete(reason);
      }
    }
    return request;
  }

  /** Runs {@code hook} when this scope is cancelled (now, if it already is). */
  public void onCancel(Runnable hook) {
    if (cancelRequested) {
      hook.run();
    } else {
      cancelHooks.add(hook);
    }
  }

  public void removeCancelHook(Runnable hook) {
    cancelHooks.remove(hook);
  }
}
