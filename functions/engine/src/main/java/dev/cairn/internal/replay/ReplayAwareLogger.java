package dev.cairn.internal.replay;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/** An SLF4J logger that stays silent while the workflow replays, so each line is logged once. */
final class ReplayAwareLogger {
  private ReplayAwareLogger() {}

  static Logger wrap(Logger delegate, BooleanSupplier replaying) {
    return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
        (proxy, method, args) -> {
          String n = method.getName();
          boolean logCall = n.equals("trace") || n.equals("debug") || n.equals("info") || n.equals("warn")
              || n.equals("error");
          if (logCall && replaying.getAsBoolean()) {
            return null;
          }
          if (n.startsWith("is") && n.endsWith("Enabled") && replaying.getAsBoolean()) {
            return false;
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
