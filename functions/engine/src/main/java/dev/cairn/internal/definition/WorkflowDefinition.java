package dev.cairn.internal.definition;

import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.UpdateValidatorMethod;
import dev.cairn.workflow.WorkflowInit;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a workflow implementation class offers, read once from its {@code @WorkflowInterface}s:
 * its type name, workflow method, and signal, query and update handlers by name.
 */
public final class WorkflowDefinition {
  private final String workflowType;
  private final Class<?> implementationClass;
  private final Method workflowMethod;
  private final Map<String, Method> signals;
  private final Map<String, Method> queries;
  private final Map<String, Method> updates;
  private final Map<String, Method> updateValidators;
  private final Function<Object[], Object> factory;
  private final boolean initConstructor;
  private final boolean dynamic;

  /** The type name a DynamicWorkflow is registered under: it serves every type without its own. */
  public static final String DYNAMIC_TYPE = "__cairn_dynamic_workflow";

  private WorkflowDefinition(Builder b) {
    this.workflowType = b.workflowType;
    this.implementationClass = b.implementationClass;
    this.workflowMethod = b.workflowMethod;
    this.signals = Map.copyOf(b.signals);
    this.queries = Map.copyOf(b.queries);
    this.updates = Map.copyOf(b.updates);
    this.updateValidators = Map.copyOf(b.updateValidators);
    this.factory = b.factory;
    this.initConstructor = b.initConstructor;
    this.dynamic = b.dynamic;
  }

  /** Reads the definition of {@code implementationClass}; fails with a clear message when malformed. */
  public static WorkflowDefinition of(Class<?> implementationClass) {
    return of(implementationClass, null);
  }

  /** As {@link #of(Class)}, with instances made by {@code factory} (for mocks) when not null. */
  public static WorkflowDefinition of(Class<?> implementationClass, java.util.function.Supplier<?> factory) {
    Builder b = new Builder();
    b.implementationClass = implementationClass;
    if (dev.cairn.workflow.DynamicWorkflow.class.isAssignableFrom(implementationClass)) {
      return dynamic(b, factory);
    }
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    if (factory != null && implementationClass.isAnnotationPresent(WorkflowInterface.class)) {
      interfaces.add(implementationClass); // registerWorkflowImplementationFactory names the interface itself
    }
    collectWorkflowInterfaces(implementationClass, interfaces);
    if (interfaces.isEmpty()) {
      throw new IllegalArgumentException(implementationClass.getName()
          + " implements no interface annotated with @WorkflowInterface");
    }
    for (Class<?> iface : interfaces) {
      for (Method m : iface.getMethods()) {
        WorkflowMethod wm = m.getAnnotation(WorkflowMethod.class);
        if (wm != null) {
          if (b.workflowMethod != null && !sameSignature(b.workflowMethod, m)) {
            throw new IllegalArgumentException(implementationClass.getName()
                + " has more than one @WorkflowMethod: " + b.workflowMethod + " and " + m);
          }
          b.workflowMethod = m;
          b.workflowType = wm.name().isEmpty() ? iface.getSimpleName() : wm.name();
        }
        SignalMethod sm = m.getAnnotation(SignalMethod.class);
        if (sm != null) {
          b.signals.put(sm.name().isEmpty() ? m.getName() : sm.name(), m);
        }
        QueryMethod qm = m.getAnnotation(QueryMethod.class);
        if (qm != null) {
          b.queries.put(qm.name().isEmpty() ? m.getName() : qm.name(), m);
        }
        UpdateMethod um = m.getAnnotation(UpdateMethod.class);
        if (um != null) {
          b.updates.put(um.name().isEmpty() ? m.getName() : um.name(), m);
        }
        UpdateValidatorMethod uv = m.getAnnotation(UpdateValidatorMethod.class);
        if (uv != null) {
          b.updateValidators.put(uv.updateName(), m);
        }
      }
    }
    if (b.workflowMethod == null) {
      throw new IllegalArgumentException(implementationClass.getName()
          + " has no method annotated with @WorkflowMethod in its @WorkflowInterface");
    }
    setFactory(b, factory);
    return new WorkflowDefinition(b);
  }

  /** How a run's workflow object is made: by the registered factory, else by its @WorkflowInit or no-arg constructor. */
  private static void setFactory(Builder b, java.util.function.Supplier<?> factory) {
    if (factory != null) {
      b.factory = args -> factory.get();
      return;
    }
    Constructor<?> init = findInitConstructor(b.implementationClass, b.workflowMethod);
    b.initConstructor = init.getParameterCount() > 0;
    b.factory = args -> {
      try {
        init.setAccessible(true);
        return init.getParameterCount() == 0 ? init.newInstance() : init.newInstance(args);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw Invocations.unwrap(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + b.implementationClass.getName() + ": " + e, e);
      }
    };
  }

  /** A DynamicWorkflow: one execute(EncodedValues) method serving every type without its own implementation. */
  private static WorkflowDefinition dynamic(Builder b, java.util.function.Supplier<?> factory) {
    try {
      b.workflowMethod = dev.cairn.workflow.DynamicWorkflow.class.getMethod("execute",
          dev.cairn.common.converter.EncodedValues.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    b.workflowType = DYNAMIC_TYPE;
    b.dynamic = true;
    setFactory(b, factory);
    return new WorkflowDefinition(b);
  }

  /** Whether this is a DynamicWorkflow, which receives its arguments as EncodedValues. */
  public boolean isDynamic() {
    return dynamic;
  }

  private static Constructor<?> findInitConstructor(Class<?> c, Method workflowMethod) {
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (k.isAnnotationPresent(WorkflowInit.class)) {
        if (!java.util.Arrays.equals(k.getParameterTypes(), workflowMethod.getParameterTypes())) {
          throw new IllegalArgumentException("@WorkflowInit constructor of " + c.getName()
              + " must take the same parameters as the workflow method " + workflowMethod.getName());
        }
        return k;
      }
    }
    try {
      return c.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(c.getName()
          + " needs a public no-argument constructor (or one annotated with @WorkflowInit)");
    }
  }

  private static boolean sameSignature(Method a, Method b) {
    return a.getName().equals(b.getName()) && java.util.Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
  }

  static void collectWorkflowInterfaces(Class<?> c, Set<Class<?>> out) {
    if (c == null) {
      return;
    }
    for (Class<?> i : c.getInterfaces()) {
      if (i.isAnnotationPresent(WorkflowInterface.class)) {
        out.add(i);
      }
      collectWorkflowInterfaces(i, out);
    }
    collectWorkflowInterfaces(c.getSuperclass(), out);
  }

  /** The workflow type name a workflow interface declares (for client stubs). */
  public static String workflowTypeOf(Class<?> workflowInterface) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    if (workflowInterface.isAnnotationPresent(WorkflowInterface.class)) {
      interfaces.add(workflowInterface);
    }
    collectWorkflowInterfaces(workflowInterface, interfaces);
    for (Class<?> iface : interfaces) {
      for (Method m : iface.getMethods()) {
        WorkflowMethod wm = m.getAnnotation(WorkflowMethod.class);
        if (wm != null) {
          return wm.name().isEmpty() ? iface.getSimpleName() : wm.name();
        }
      }
    }
    throw new IllegalArgumentException(workflowInterface.getName() + " has no @WorkflowMethod");
  }

  public String workflowType() {
    return workflowType;
  }

  public Class<?> implementationClass() {
    return implementationClass;
  }

  public Method workflowMethod() {
    return workflowMethod;
  }

  public Map<String, Method> signals() {
    return signals;
  }

  public Map<String, Method> queries() {
    return queries;
  }

  public Map<String, Method> updates() {
    return updates;
  }

  public Map<String, Method> updateValidators() {
    return updateValidators;
  }

  public boolean hasInitConstructor() {
    return initConstructor;
  }

  /** A new instance; {@code args} reach a {@code @WorkflowInit} constructor. */
  public Object newInstance(Object[] args) {
    return factory.apply(args);
  }

  private static final class Builder {
    String workflowType;
    Class<?> implementationClass;
    Method workflowMethod;
    final Map<String, Method> signals = new LinkedHashMap<>();
    final Map<String, Method> queries = new LinkedHashMap<>();
    final Map<String, Method> updates = new LinkedHashMap<>();
    final Map<String, Method> updateValidators = new LinkedHashMap<>();
    Function<Object[], Object> factory;
    boolean initConstructor;
    boolean dynamic;
  }
}
