package dev.cairn.internal.spi;

/** The per-thread binding of a workflow thread to its runtime, set by the engine. */
public final class CurrentRuntime {
  private static final ThreadLocal<WorkflowRuntime> CURRENT = new ThreadLocal<>();

  private CurrentRuntime() {}

  public static WorkflowRuntime get() {
    return CURRENT.get();
  }

  public static void set(WorkflowRuntime runtime) {
    if (runtime == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(runtime);
    }
  }
}
