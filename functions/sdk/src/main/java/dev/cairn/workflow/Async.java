package dev.cairn.workflow;

import dev.cairn.internal.spi.WorkflowRuntime;

/**
 * Runs a function asynchronously in workflow code. Activity and child-workflow stub calls passed here
 * (as {@code Async.function(activities::charge, order)}) start without a new workflow thread; any
 * other function runs on its own deterministic workflow thread.
 */
public final class Async {
  private Async() {}

  public static <R> Promise<R> function(Functions.Func<R> f) {
    return WorkflowRuntime.current().async(f, f);
  }

  public static <A1, R> Promise<R> function(Functions.Func1<A1, R> f, A1 a1) {
    return WorkflowRuntime.current().async(f, () -> f.apply(a1));
  }

  public static <A1, A2, R> Promise<R> function(Functions.Func2<A1, A2, R> f, A1 a1, A2 a2) {
    return WorkflowRuntime.current().async(f, () -> f.apply(a1, a2));
  }

  public static <A1, A2, A3, R> Promise<R> function(Functions.Func3<A1, A2, A3, R> f, A1 a1, A2 a2, A3 a3) {
    return WorkflowRuntime.current().async(f, () -> f.apply(a1, a2, a3));
  }

  public static <A1, A2, A3, A4, R> Promise<R> function(
      Functions.Func4<A1, A2, A3, A4, R> f, A1 a1, A2 a2, A3 a3, A4 a4) {
    return WorkflowRuntime.current().async(f, () -> f.apply(a1, a2, a3, a4));
  }

  public static <A1, A2, A3, A4, A5, R> Promise<R> function(
      Functions.Func5<A1, A2, A3, A4, A5, R> f, A1 a1, A2 a2, A3 a3, A4 a4, A5 a5) {
    return WorkflowRuntime.current().async(f, () -> f.apply(a1, a2, a3, a4, a5));
  }

  public static <A1, A2, A3, A4, A5, A6, R> Promise<R> function(
      Functions.Func6<A1, A2, A3, A4, A5, A6, R> f, A1 a1, A2 a2, A3 a3, A4 a4, A5 a5, A6 a6) {
    return WorkflowRuntime.current().async(f, () -> f.apply(a1, a2, a3, a4, a5, a6));
  }

  public static Promise<Void> procedure(Functions.Proc p) {
    return run(p, p);
  }

  private static Promise<Void> run(Object target, Functions.Proc p) {
    return WorkflowRuntime.current().async(target, () -> {
      p.apply();
      return null;
    });
  }

  public static <A1> Promise<Void> procedure(Functions.Proc1<A1> p, A1 a1) {
    return run(p, () -> p.apply(a1));
  }

  public static <A1, A2> Promise<Void> procedure(Functions.Proc2<A1, A2> p, A1 a1, A2 a2) {
    return run(p, () -> p.apply(a1, a2));
  }

  public static <A1, A2, A3> Promise<Void> procedure(Functions.Proc3<A1, A2, A3> p, A1 a1, A2 a2, A3 a3) {
    return run(p, () -> p.apply(a1, a2, a3));
  }

  public static <A1, A2, A3, A4> Promise<Void> procedure(
      Functions.Proc4<A1, A2, A3, A4> p, A1 a1, A2 a2, A3 a3, A4 a4) {
    return run(p, () -> p.apply(a1, a2, a3, a4));
  }

  public static <A1, A2, A3, A4, A5> Promise<Void> procedure(
      Functions.Proc5<A1, A2, A3, A4, A5> p, A1 a1, A2 a2, A3 a3, A4 a4, A5 a5) {
    return run(p, () -> p.apply(a1, a2, a3, a4, a5));
  }

  public static <A1, A2, A3, A4, A5, A6> Promise<Void> procedure(
      Functions.Proc6<A1, A2, A3, A4, A5, A6> p, A1 a1, A2 a2, A3 a3, A4 a4, A5 a5, A6 a6) {
    return run(p, () -> p.apply(a1, a2, a3, a4, a5, a6));
  }
}
