package dev.cairn.workflow;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.internal.spi.StubSupport;
import java.lang.reflect.Type;

/**
 * A child workflow addressed by type name rather than interface, as Temporal's
 * {@code ChildWorkflowStub}: {@link Workflow#newUntypedChildWorkflowStub}, or {@link #fromTyped} of a
 * typed stub from {@link Workflow#newChildWorkflowStub}.
 */
public interface ChildWorkflowStub {

  /** The untyped view of a typed child stub (one from {@link Workflow#newChildWorkflowStub}). */
  static ChildWorkflowStub fromTyped(Object typed) {
    return StubSupport.untypedChild(typed);
  }

  String getWorkflowType();

  /** Completes once the child has started, with its workflow and run id; fails if it could not start. */
  Promise<WorkflowExecution> getExecution();

  ChildWorkflowOptions getOptions();

  /** Starts the child and blocks until it closes; a child that fails throws {@code ChildWorkflowFailure}. */
  <R> R execute(Class<R> resultClass, Object... args);

  <R> R execute(Class<R> resultClass, Type resultType, Object... args);

  <R> Promise<R> executeAsync(Class<R> resultClass, Object... args);

  <R> Promise<R> executeAsync(Class<R> resultClass, Type resultType, Object... args);

  /** Signals the child once it has started. */
  void signal(String signalName, Object... args);

}
