package dev.cairn.internal.sync;

/**
 * Unwinds a workflow thread when its decision ends or the run is evicted. An {@link Error}, so a
 * user's {@code catch (Exception e)} cannot swallow it.
 */
public final class DestroyWorkflowThreadError extends Error {
  DestroyWorkflowThreadError() {
    super("workflow thread destroyed", null, false, false);
  }
}
