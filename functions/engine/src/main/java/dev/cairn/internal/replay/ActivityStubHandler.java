package dev.cairn.internal.replay;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.definition.ActivityDefinitions;
import dev.cairn.workflow.Promise;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/** Turns calls on an activity interface into scheduled activities. */
final class ActivityStubHandler implements AsyncCapture.StubInvocationHandler {
  private final ReplayContext ctx;
  private final Class<?> activityInterface;
  private final ActivityOptions options;
  private final Map<String, ActivityOptions> perMethod;

  ActivityStubHandler(ReplayContext ctx, Class<?> activityInterface, ActivityOptions options, Map<String, ActivityOptions> perMethod) {
    this.ctx = ctx;
    this.activityInterface = activityInterface;
    this.options = options;
    this.perMethod = perMethod;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "toString" -> "ActivityStub[" + activityInterface.getName() + "]";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }
    String type = ActivityDefinitions.activityTypeOf(activityInterface, method);
    ActivityOptions o = perMethod.getOrDefault(type, options);
    Promise<Optional<Payloads>> raw = ctx.activities().schedule(type, o, args == null ? new Object[0] : args);
    Promise<Object> converted = raw.thenApply(p -> ctx.dataConverter().fromPayloads(0, p,
        (Class<Object>) method.getReturnType(), method.getGenericReturnType()));
    return ctx.returnOrCapture(converted, method.getReturnType());
  }
}
