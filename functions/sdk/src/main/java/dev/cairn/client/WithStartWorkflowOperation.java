package dev.cairn.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.workflow.Functions;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The workflow half of an update-with-start: the typed stub's workflow method and its arguments
 * ({@code new WithStartWorkflowOperation<>(stub::run, order)}), passed to
 * {@link WorkflowClient#startUpdateWithStart} or {@link WorkflowClient#executeUpdateWithStart}. The
 * stub's options must set a {@code WorkflowIdConflictPolicy}. Usable once; afterwards it gives the
 * run it started (or found) and that run's result.
 */
public final class WithStartWorkflowOperation<R> {
  private final Object startMethod;
  private final Runnable startCall;
  private final Object[] args;
  private final AtomicBoolean invoked = new AtomicBoolean();
  private volatile WorkflowStub stub;
  private volatile Class<R> resultClass;
  private volatile Type resultType;

  public WithStartWorkflowOperation(Functions.Proc startMethod) {
    this(startMethod, startMethod::apply, new Object[0]);
  }

  public <A1> WithStartWorkflowOperation(Functions.Proc1<A1> startMethod, A1 arg1) {
    this(startMethod, () -> startMethod.apply(arg1), new Object[] {arg1});
  }

  public <A1, A2> WithStartWorkflowOperation(Functions.Proc2<A1, A2> startMethod, A1 arg1, A2 arg2) {
    this(startMethod, () -> startMethod.apply(arg1, arg2), new Object[] {arg1, arg2});
  }

  public <A1, A2, A3> WithStartWorkflowOperation(Functions.Proc3<A1, A2, A3> startMethod, A1 arg1, A2 arg2, A3 arg3) {
    this(startMethod, () -> startMethod.apply(arg1, arg2, arg3), new Object[] {arg1, arg2, arg3});
  }

  public WithStartWorkflowOperation(Functions.Func<R> startMethod) {
    this(startMethod, startMethod::apply, new Object[0]);
  }

  public <A1> WithStartWorkflowOperation(Functions.Func1<A1, R> startMethod, A1 arg1) {
    this(startMethod, () -> startMethod.apply(arg1), new Object[] {arg1});
  }

  public <A1, A2> WithStartWorkflowOperation(Functions.Func2<A1, A2, R> startMethod, A1 arg1, A2 arg2) {
    this(startMethod, () -> startMethod.apply(arg1, arg2), new Object[] {arg1, arg2});
  }

  public <A1, A2, A3> WithStartWorkflowOperation(Functions.Func3<A1, A2, A3, R> startMethod, A1 arg1, A2 arg2, A3 arg3) {
    this(startMethod, () -> startMethod.apply(arg1, arg2, arg3), new Object[] {arg1, arg2, arg3});
  }

  private WithStartWorkflowOperation(Object startMethod, Runnable startCall, Object[] args) {
    this.startMethod = startMethod;
    this.startCall = startCall;
    this.args = args;
  }

  /** The run the operation started, or the open run it found (conflict policy USE_EXISTING). */
  public WorkflowExecution getExecution() {
    return requireStub().getExecution();
  }

  /** Waits for the workflow's result. */
  public R getResult() {
    return requireStub().getResult(resultClass, resultType);
  }

  private WorkflowStub requireStub() {
    WorkflowStub s = stub;
    if (s == null) {
      throw new IllegalStateException("WithStartWorkflowOperation was not executed yet: pass it to"
          + " WorkflowClient.startUpdateWithStart or executeUpdateWithStart first");
    }
    return s;
  }

  Object startMethod() {
    return startMethod;
  }

  Runnable startCall() {
    return startCall;
  }

  /** Marks the operation used; as Temporal, a second use is refused. */
  void markInvoked() {
    if (!invoked.compareAndSet(false, true)) {
      throw new IllegalStateException("WithStartWorkflowOperation was already executed");
    }
  }

  @SuppressWarnings("unchecked")
  void bind(WorkflowStub untyped, Class<?> resultClass, Type resultType) {
    this.resultClass = (Class<R>) resultClass;
    this.resultType = resultType;
    this.stub = untyped;
  }

  @Override
  public String toString() {
    return "WithStartWorkflowOperation{args=" + Arrays.toString(args) + ", executed=" + invoked.get() + '}';
  }
}
