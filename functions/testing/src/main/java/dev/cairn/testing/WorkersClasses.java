package dev.cairn.testing;

import dev.cairn.internal.worker.WorkerRegistry;
import dev.cairn.worker.Worker;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Registers a user's workers class on a registry, as the Lambda functions do with CAIRN_WORKERS: a
 * class with a public static {@code register(dev.cairn.worker.Worker)} method. Only its workflow
 * types matter to a replay; activities are registered but never run.
 */
final class WorkersClasses {
  private WorkersClasses() {}

  /** @throws IllegalArgumentException when the class is missing or has no usable register method */
  static void register(String className, ClassLoader loader, WorkerRegistry registry) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("workers class " + className + " is not on the classpath (add its jar or"
          + " classes directory with --classpath)", e);
    }
    Method register;
    try {
      register = type.getMethod("register", Worker.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(className + " has no public static register(dev.cairn.worker.Worker) method", e);
    }
    if (!Modifier.isStatic(register.getModifiers())) {
      throw new IllegalArgumentException(className + ".register(Worker) must be static");
    }
    try {
      // The task queue is irrelevant to a replay: workflow types are registered per runtime.
      register.invoke(null, new Worker("replay", null, registry));
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(className + ".register(Worker) is not accessible", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(className + ".register(Worker) failed: " + e.getCause(), e.getCause());
    }
  }
}
