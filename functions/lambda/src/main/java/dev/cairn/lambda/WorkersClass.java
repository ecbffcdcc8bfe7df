package dev.cairn.lambda;

import dev.cairn.internal.worker.WorkerRegistry;
import dev.cairn.worker.Worker;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The user's registration class named by CAIRN_WORKERS: a class with a static
 * {@code register(dev.cairn.worker.Worker)} method and, optionally, a static String field
 * {@code TASK_QUEUE} naming the task queue its worker serves (default "default").
 */
final class WorkersClass {
  static final String DEFAULT_TASK_QUEUE = "default";

  private final Class<?> type;
  private final String taskQueue;
  private final Method register;

  private WorkersClass(Class<?> type, String taskQueue, Method register) {
    this.type = type;
    this.taskQueue = taskQueue;
    this.register = register;
  }

  static WorkersClass named(String className) {
    Class<?> type;
    try {
      type = Class.forName(className, true, WorkersClass.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("CAIRN_WORKERS names " + className + ", which is not in the function's jar", e);
    }
    Method register;
    try {
      register = type.getMethod("register", Worker.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("CAIRN_WORKERS class " + className
          + " has no public static register(dev.cairn.worker.Worker) method", e);
    }
    if (!Modifier.isStatic(register.getModifiers())) {
      throw new IllegalStateException(className + ".register(Worker) must be static");
    }
    return new WorkersClass(type, taskQueueOf(type), register);
  }

  private static String taskQueueOf(Class<?> type) {
    try {
      Field f = type.getField("TASK_QUEUE");
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && f.get(null) != null) {
        return (String) f.get(null);
      }
    } catch (NoSuchFieldException | IllegalAccessException e) {
      // no declared task queue: the default one
    }
    return DEFAULT_TASK_QUEUE;
  }

  String taskQueue() {
    return taskQueue;
  }

  /** Calls the class's register method with a worker for its task queue on {@code registry}. */
  void registerOn(WorkerRegistry registry) {
    try {
      register.invoke(null, new Worker(taskQueue, null, registry));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(type.getName() + ".register(Worker) is not accessible", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(type.getName() + ".register(Worker) failed: " + e.getCause(), e.getCause());
    }
  }
}
