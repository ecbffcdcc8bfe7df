package dev.cairn.testing;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.workflow.Functions;
import java.lang.reflect.Type;

/**
 * Runs activity implementations directly, without a workflow, with a real activity execution
 * context ({@code Activity.getExecutionContext()}, heartbeats, task token). A stub call runs one
 * attempt on the calling thread; a failure comes back as an {@code ActivityFailure} whose cause is
 * what the activity threw, as a workflow would see it. Temporal's {@code TestActivityEnvironment}.
 */
public interface TestActivityEnvironment extends AutoCloseable {

  static TestActivityEnvironment newInstance() {
    return newInstance(TestEnvironmentOptions.getDefaultInstance());
  }

  static TestActivityEnvironment newInstance(TestEnvironmentOptions options) {
    return new InMemoryTestActivityEnvironment(options);
  }

  void registerActivitiesImplementations(Object... activityImplementations);

  /** A stub whose calls run the registered implementation of {@code activityInterface}. */
  <T> T newActivityStub(Class<T> activityInterface);

  <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options);

  /** Called with the details of every heartbeat the activity under test sends. */
  <T> void setActivityHeartbeatListener(Class<T> detailsClass, Functions.Proc1<T> listener);

  <T> void setActivityHeartbeatListener(Class<T> detailsClass, Type detailsType, Functions.Proc1<T> listener);

  /** Details the next activity call sees as a previous attempt's last heartbeat. */
  <T> void setHeartbeatDetails(T details);

  /** The activity learns it was canceled on its next heartbeat, which throws {@code ActivityCanceledException}. */
  void requestCancelActivity();

  @Override
  void close();
}
