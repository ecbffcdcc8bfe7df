package dev.cairn.internal.replay;

import dev.cairn.internal.spi.StubSupport;
import dev.cairn.workflow.Promise;
import java.lang.reflect.Proxy;

/**
 * Lets {@code Async.function(stub::method, args)} start an activity without a workflow thread: the
 * stub sees the capture and hands back its promise instead of blocking. Whether a function is such a
 * method reference is read from its serialized form, as Temporal does (Functions are Serializable).
 */
final class AsyncCapture {
  Promise<?> promise;

  /** The stub a bound method reference targets, or null when {@code function} is anything else. */
  static Object stubTarget(Object function) {
    Object target = StubSupport.capturedReceiver(function);
    if (target != null && Proxy.isProxyClass(target.getClass())
        && Proxy.getInvocationHandler(target) instanceof StubInvocationHandler) {
      return target;
    }
    return target instanceof CapturingStub ? target : null;
  }

  /** Marker for invocation handlers of stubs that can start asynchronously. */
  interface StubInvocationHandler extends java.lang.reflect.InvocationHandler {}

  /** Marker for untyped stubs (plain objects, not proxies) whose calls hand their promise to {@code Async}. */
  interface CapturingStub {}
}
