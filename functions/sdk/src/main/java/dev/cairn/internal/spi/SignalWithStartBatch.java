package dev.cairn.internal.spi;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.BatchRequest;
import dev.cairn.workflow.Functions;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link BatchRequest} of {@code WorkflowClient.newSignalWithStartRequest()}: it keeps each call
 * with the stub its method reference is bound to, and replays the calls on that stub in batch mode.
 */
public final class SignalWithStartBatch implements BatchRequest {
  private final List<Runnable> calls = new ArrayList<>();
  private Object stub;

  @Override
  public void add(Functions.Proc request) {
    addCall(request, request::apply);
  }

  @Override
  public <A1> void add(Functions.Proc1<A1> request, A1 arg1) {
    addCall(request, () -> request.apply(arg1));
  }

  @Override
  public <A1, A2> void add(Functions.Proc2<A1, A2> request, A1 arg1, A2 arg2) {
    addCall(request, () -> request.apply(arg1, arg2));
  }

  @Override
  public <A1, A2, A3> void add(Functions.Proc3<A1, A2, A3> request, A1 arg1, A2 arg2, A3 arg3) {
    addCall(request, () -> request.apply(arg1, arg2, arg3));
  }

  @Override
  public void add(Functions.Func<?> request) {
    addCall(request, request::apply);
  }

  @Override
  public <A1> void add(Functions.Func1<A1, ?> request, A1 arg1) {
    addCall(request, () -> request.apply(arg1));
  }

  @Override
  public <A1, A2> void add(Functions.Func2<A1, A2, ?> request, A1 arg1, A2 arg2) {
    addCall(request, () -> request.apply(arg1, arg2));
  }

  @Override
  public <A1, A2, A3> void add(Functions.Func3<A1, A2, A3, ?> request, A1 arg1, A2 arg2, A3 arg3) {
    addCall(request, () -> request.apply(arg1, arg2, arg3));
  }

  private void addCall(Object methodRef, Runnable call) {
    Object target = StubSupport.capturedReceiver(methodRef);
    if (target == null) {
      throw new IllegalArgumentException("a batch request takes method references on a workflow stub, such as stub::run");
    }
    if (stub != null && stub != target) {
      throw new IllegalArgumentException("every call of a batch request must be on the same workflow stub");
    }
    stub = target;
    calls.add(call);
  }

  /** Runs the request on its stub: starts the workflow with the signal, or signals the open run. */
  public WorkflowExecution signalWithStart() {
    if (stub == null) {
      throw new IllegalArgumentException("the batch request is empty: add the workflow method and a signal method");
    }
    return StubSupport.handler(stub).signalWithStartVia(List.copyOf(calls));
  }
}
