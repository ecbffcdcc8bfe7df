package dev.cairn.internal.replay;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.common.converter.Payloads;
import dev.cairn.workflow.ActivityStub;
import dev.cairn.workflow.Promise;
import java.lang.reflect.Type;
import java.util.Optional;

/** Activities called by type name: the same scheduling as a typed stub, result converted to the class asked for. */
final class UntypedActivityStub implements ActivityStub {
  private final ReplayContext ctx;
  private final ActivityOptions options;
  private final LocalActivityOptions localOptions;
  private final boolean local;

  UntypedActivityStub(ReplayContext ctx, ActivityOptions options, boolean local, LocalActivityOptions localOptions) {
    this.ctx = ctx;
    this.options = options;
    this.local = local;
    this.localOptions = localOptions;
  }

  @Override
  public <R> R execute(String activityName, Class<R> resultClass, Object... args) {
    return executeAsync(activityName, resultClass, resultClass, args).get();
  }

  @Override
  public <R> R execute(String activityName, Class<R> resultClass, Type resultType, Object... args) {
    return executeAsync(activityName, resultClass, resultType, args).get();
  }

  @Override
  public <R> Promise<R> executeAsync(String activityName, Class<R> resultClass, Object... args) {
    return executeAsync(activityName, resultClass, resultClass, args);
  }

  @Override
  public <R> Promise<R> executeAsync(String activityName, Class<R> resultClass, Type resultType, Object... args) {
    Object[] a = args == null ? new Object[0] : args;
    Promise<Optional<Payloads>> raw = local ? ctx.localActivities().schedule(activityName, localOptions, a)
        : ctx.activities().schedule(activityName, options, a);
    return raw.thenApply(p -> ctx.dataConverter().fromPayloads(0, p, resultClass, resultType));
  }
}
