package dev.cairn.internal.replay;

import dev.cairn.workflow.Functions;
import dev.cairn.workflow.Promise;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
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
    if (!(function instanceof java.io.Serializable)) {
      return null;
    }
    try {
      Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      Object replaced = writeReplace.invoke(function);
      if (replaced instanceof SerializedLambda sl && sl.getCapturedArgCount() > 0) {
        Object target = sl.getCapturedArg(0);
        if (target != null && Proxy.isProxyClass(target.getClass())
            && Proxy.getInvocationHandler(target) instanceof StubInvocationHandler) {
          return target;
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** Marker for invocation handlers of stubs that can start asynchronously. */
  interface StubInvocationHandler extends java.lang.reflect.InvocationHandler {}

  static boolean isFunctional(Object f) {
    return f instanceof Functions.Func<?> || f instanceof Functions.Proc || f instanceof java.io.Serializable;
  }
}
