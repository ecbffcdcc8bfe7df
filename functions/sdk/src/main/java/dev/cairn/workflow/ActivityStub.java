package dev.cairn.workflow;

import java.lang.reflect.Type;

/**
 * Calls activities by type name, without an interface: for activities written in another language,
 * or served by a {@code DynamicActivity}. Created by {@link Workflow#newUntypedActivityStub}.
 */
public interface ActivityStub {
  /** Calls the activity and blocks for its result. */
  <R> R execute(String activityName, Class<R> resultClass, Object... args);

  <R> R execute(String activityName, Class<R> resultClass, Type resultType, Object... args);

  /** Calls the activity and returns at once. */
  <R> Promise<R> executeAsync(String activityName, Class<R> resultClass, Object... args);

  <R> Promise<R> executeAsync(String activityName, Class<R> resultClass, Type resultType, Object... args);
}
