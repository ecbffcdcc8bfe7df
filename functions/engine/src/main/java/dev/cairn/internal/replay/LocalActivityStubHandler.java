package dev.cairn.internal.replay;

import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.definition.ActivityDefinitions;
import dev.cairn.workflow.Promise;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/** Turns calls on an activity interface into local activities run inside the decision. */
final class LocalActivityStubHandler implements AsyncCapture.StubInvocationHandler {
  private final ReplayContext ctx;
  private final Class<?> activityInterface;
  private final LocalActivityOptions options;
  private final Map<String, LocalActivityOptions> perMethod;

  LocalActivityStubHandler(ReplayContext ctx, Class<?> activityInterface, LocalActivityOptions options,
      Map<String, LocalActivityOptions> perMethod) {
    this.ctx = ctx;
    this.activityInterface = activityInterface;
    this.options = options;
    this.perMethod = perMethod;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object invoke(Object proxy, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "toString" -> "LocalActivityStub[" + activityInterface.getName() + "]";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }
    String type = ActivityDefinitions.activityTypeOf(activityInterface, method);
    LocalActivityOptions o = perMethod.containsKey(type)
        ? LocalActivityOptions.newBuilder(options).mergeActivityOptions(perMethod.get(type)).build() : options;
    Promise<Optional<Payloads>> raw = ctx.localActivities().schedule(type, o, args == null ? new Object[0] : args);
    Promise<Object> converted = raw.thenApply(p -> ctx.dataConverter().fromPayloads(0, p,
        (Class<Object>) method.getReturnType(), method.getGenericReturnType()));
    return ctx.returnOrCapture(converted, method.getReturnType());
  }
}
