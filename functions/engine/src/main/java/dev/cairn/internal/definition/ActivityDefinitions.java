package dev.cairn.internal.definition;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityMethod;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Activity type names, as Temporal derives them: {@code namePrefix} + method name, capitalized. */
public final class ActivityDefinitions {
  private ActivityDefinitions() {}

  /** A registered activity method bound to its implementation object. */
  public record ActivityMethodBinding(String activityType, Object implementation, Method method) {}

  /** Every activity type an implementation object serves. */
  /** The type name a DynamicActivity is registered under: it serves every type its queue has no binding for. */
  public static final String DYNAMIC_TYPE = "__cairn_dynamic_activity";

  public static Map<String, ActivityMethodBinding> of(Object implementation) {
    Class<?> c = implementation.getClass();
    if (implementation instanceof dev.cairn.activity.DynamicActivity) {
      try {
        return Map.of(DYNAMIC_TYPE, new ActivityMethodBinding(DYNAMIC_TYPE, implementation,
            dev.cairn.activity.DynamicActivity.class.getMethod("execute", dev.cairn.common.converter.EncodedValues.class)));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }
    rejectImplementationAnnotations(c);
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    collect(c, interfaces);
    if (interfaces.isEmpty()) {
      throw new IllegalArgumentException(c.getName() + " implements no interface annotated with @ActivityInterface");
    }
    Map<String, ActivityMethodBinding> out = new LinkedHashMap<>();
    for (Class<?> iface : interfaces) {
      for (Method m : iface.getMethods()) {
        if (m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        String type = activityTypeOf(iface, m);
        out.putIfAbsent(type, new ActivityMethodBinding(type, implementation, m));
      }
    }
    return out;
  }

  public static String activityTypeOf(Class<?> iface, Method m) {
    ActivityMethod am = m.getAnnotation(ActivityMethod.class);
    if (am != null && !am.name().isEmpty()) {
      return am.name();
    }
    Class<?> declaring = m.getDeclaringClass().isAnnotationPresent(ActivityInterface.class) ? m.getDeclaringClass() : iface;
    ActivityInterface ai = declaring.getAnnotation(ActivityInterface.class);
    String prefix = ai == null ? "" : ai.namePrefix();
    String name = m.getName();
    return prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static void collect(Class<?> c, Set<Class<?>> out) {
    if (c == null) {
      return;
    }
    for (Class<?> i : c.getInterfaces()) {
      if (i.isAnnotationPresent(ActivityInterface.class)) {
        out.add(i);
      }
      collect(i, out);
    }
    collect(c.getSuperclass(), out);
  }

  /** Temporal rejects @ActivityMethod on the implementation side: names belong to the interface. */
  private static void rejectImplementationAnnotations(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      if (k.isInterface() || java.lang.reflect.Proxy.isProxyClass(k)) {
        continue;
      }
      for (Method m : k.getDeclaredMethods()) {
        if (m.isAnnotationPresent(ActivityMethod.class) && !m.isSynthetic() && !isMockClass(k)) {
          throw new IllegalArgumentException("Found @ActivityMethod annotation on \"" + m
              + "\". This annotation can be used only on the interface method it implements.");
        }
      }
    }
  }

  private static boolean isMockClass(Class<?> k) {
    return k.getName().contains("$MockitoMock$") || k.getName().contains("$$");
  }
}
