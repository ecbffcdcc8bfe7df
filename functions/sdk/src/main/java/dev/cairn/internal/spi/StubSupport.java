package dev.cairn.internal.spi;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.WorkflowStub;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;

/**
 * How {@code WorkflowClient.start(stub::method, args)} works: the method reference is read to find
 * its typed stub (Functions are Serializable), which is told to start rather than wait.
 */
public final class StubSupport {
  private StubSupport() {}

  /** Implemented by the invocation handlers of typed workflow stubs. */
  public interface TypedStub extends java.lang.reflect.InvocationHandler {
    WorkflowStub untyped();

    /** Runs {@code call} on the stub so that it starts the workflow and returns at once. */
    WorkflowExecution startVia(Runnable call);

    <R> CompletableFuture<R> executeVia(Runnable call);

    /**
     * Runs {@code calls} (the workflow method and one signal method) as one signal-with-start: the
     * workflow starts with the signal as its first event, or the open run gets the signal.
     */
    WorkflowExecution signalWithStartVia(java.util.List<Runnable> calls);

    /** Runs {@code call} on the stub only to see which method it calls with which arguments; nothing is sent. */
    Invocation captureVia(Runnable call);
  }

  /** One call on a typed stub, as {@link TypedStub#captureVia} saw it. */
  public record Invocation(Method method, Object[] args) {}

  /** The typed stub a method reference such as {@code stub::update} is bound to. */
  public static TypedStub typedStubOf(Object methodRef, String what) {
    Object receiver = capturedReceiver(methodRef);
    if (receiver == null) {
      throw new IllegalArgumentException(what + " takes a method reference on a workflow stub, such as stub::update");
    }
    return handler(receiver);
  }

  /** Implemented by the invocation handlers of typed child workflow stubs. */
  public interface TypedChildStub extends java.lang.reflect.InvocationHandler {
    dev.cairn.workflow.ChildWorkflowStub untypedChild();
  }

  /** The untyped child stub behind a typed one, or the argument itself if it is untyped already. */
  public static dev.cairn.workflow.ChildWorkflowStub untypedChild(Object stub) {
    if (stub instanceof dev.cairn.workflow.ChildWorkflowStub c) {
      return c;
    }
    if (stub != null && Proxy.isProxyClass(stub.getClass()) && Proxy.getInvocationHandler(stub) instanceof TypedChildStub t) {
      return t.untypedChild();
    }
    throw new IllegalArgumentException("expected a child workflow stub from Workflow.newChildWorkflowStub, got " + stub);
  }

  /** Implemented by the invocation handlers of typed external workflow stubs. */
  public interface TypedExternalStub extends java.lang.reflect.InvocationHandler {
    dev.cairn.workflow.ExternalWorkflowStub untypedExternal();
  }

  /** The untyped external stub behind a typed one, or the argument itself if it is untyped already. */
  public static dev.cairn.workflow.ExternalWorkflowStub untypedExternal(Object stub) {
    if (stub instanceof dev.cairn.workflow.ExternalWorkflowStub e) {
      return e;
    }
    if (stub != null && Proxy.isProxyClass(stub.getClass())) {
      if (Proxy.getInvocationHandler(stub) instanceof TypedExternalStub t) {
        return t.untypedExternal();
      }
      if (Proxy.getInvocationHandler(stub) instanceof TypedChildStub) {
        throw new IllegalArgumentException("use ChildWorkflowStub.fromTyped for a stub from Workflow.newChildWorkflowStub");
      }
    }
    throw new IllegalArgumentException("expected an external workflow stub from Workflow.newExternalWorkflowStub, got " + stub);
  }

  public static WorkflowStub untyped(Object typed) {
    return handler(typed).untyped();
  }

  public static WorkflowExecution start(Object methodRef, Runnable call) {
    return handler(target(methodRef)).startVia(call);
  }

  public static <R> CompletableFuture<R> execute(Object methodRef, Runnable call) {
    return handler(target(methodRef)).executeVia(call);
  }

  static TypedStub handler(Object typed) {
    if (typed != null && Proxy.isProxyClass(typed.getClass()) && Proxy.getInvocationHandler(typed) instanceof TypedStub t) {
      return t;
    }
    throw new IllegalArgumentException("expected a workflow stub from WorkflowClient.newWorkflowStub, got " + typed);
  }

  private static Object target(Object methodRef) {
    Object receiver = capturedReceiver(methodRef);
    if (receiver == null) {
      throw new IllegalArgumentException("WorkflowClient.start/execute take a method reference on a workflow stub,"
          + " such as stub::processOrder");
    }
    return receiver;
  }

  /**
   * The object a bound method reference ({@code stub::method}) captured, read from its serialized
   * form (the Functions interfaces are Serializable); null for anything else.
   */
  public static Object capturedReceiver(Object methodRef) {
    if (!(methodRef instanceof java.io.Serializable)) {
      return null;
    }
    try {
      Method writeReplace = methodRef.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      if (writeReplace.invoke(methodRef) instanceof SerializedLambda sl && sl.getCapturedArgCount() > 0) {
        return sl.getCapturedArg(0);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
    return null;
  }
}
