package dev.cairn.testing;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.internal.definition.ActivityDefinitions;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.Task;
import dev.cairn.internal.worker.ActivityOutcome;
import dev.cairn.internal.worker.ActivityTaskExecutor;
import dev.cairn.internal.worker.HeartbeatSink;
import dev.cairn.internal.worker.WorkerRegistry;
import dev.cairn.workflow.Functions;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** {@link TestActivityEnvironment} on the engine's own activity executor. */
final class InMemoryTestActivityEnvironment implements TestActivityEnvironment {
  private static final String TASK_QUEUE = "test-activity-task-queue";
  private static final ExecutionKey WORKFLOW = new ExecutionKey("test-workflow-id", "test-run-id");
  private static final String IDENTITY = "test-activity-environment";

  private final DataConverter dataConverter;
  private final WorkerRegistry registry = new WorkerRegistry();
  private final ActivityTaskExecutor executor;
  private final Clock clock = Clock.systemUTC();
  private final AtomicLong activityIds = new AtomicLong();
  private volatile Functions.Proc1<Payloads> heartbeatListener = details -> { };
  private volatile Payloads heartbeatDetails;
  private volatile boolean cancelRequested;

  InMemoryTestActivityEnvironment(TestEnvironmentOptions options) {
    this.dataConverter = options.getDataConverter();
    this.executor = new ActivityTaskExecutor(registry, dataConverter, options.getNamespace());
  }

  @Override
  public void registerActivitiesImplementations(Object... activityImplementations) {
    for (Object a : activityImplementations) {
      registry.registerActivities(TASK_QUEUE, a);
    }
  }

  @Override
  public <T> T newActivityStub(Class<T> activityInterface) {
    return newActivityStub(activityInterface, ActivityOptions.getDefaultInstance());
  }

  @Override
  public <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options) {
    Object proxy = Proxy.newProxyInstance(activityInterface.getClassLoader(), new Class<?>[] {activityInterface},
        (self, method, args) -> switch (method.getName()) {
          case "toString" -> method.getParameterCount() == 0 ? "ActivityStub(" + activityInterface.getName() + ")" : call(activityInterface, options, method, args);
          case "hashCode" -> method.getParameterCount() == 0 ? System.identityHashCode(self) : call(activityInterface, options, method, args);
          case "equals" -> method.getParameterCount() == 1 && method.getDeclaringClass() == Object.class ? self == args[0]
              : call(activityInterface, options, method, args);
          default -> call(activityInterface, options, method, args);
        });
    return activityInterface.cast(proxy);
  }

  private Object call(Class<?> activityInterface, ActivityOptions options, Method method, Object[] args) {
    String activityType = ActivityDefinitions.activityTypeOf(activityInterface, method);
    long scheduledEventId = activityIds.incrementAndGet();
    String activityId = String.valueOf(scheduledEventId);
    Payloads input = args == null || args.length == 0 ? null : dataConverter.toPayloads(args).orElse(null);
    Instant now = clock.instant();
    Task.ActivityTask task = new Task.ActivityTask(WORKFLOW, "test-workflow-type", scheduledEventId, activityId,
        activityType, TASK_QUEUE, 1, input, now, options.getScheduleToCloseTimeout(), options.getScheduleToStartTimeout(),
        options.getStartToCloseTimeout(), options.getHeartbeatTimeout(), null);
    ActivityOutcome outcome = executor.execute(task, new HeartbeatSink() {
      @Override
      public boolean heartbeat(Payloads details) {
        heartbeatDetails = details;
        heartbeatListener.apply(details);
        return cancelRequested;
      }

      @Override
      public Optional<Payloads> lastDetails() {
        return Optional.ofNullable(heartbeatDetails);
      }
    }, now);
    return switch (outcome) {
      case ActivityOutcome.Completed c -> method.getReturnType() == void.class ? null
          : dataConverter.fromPayloads(0, Optional.ofNullable(c.result()), method.getReturnType(), method.getGenericReturnType());
      case ActivityOutcome.Failed f -> throw activityFailure(activityType, scheduledEventId, activityId,
          RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE, dataConverter.failureToException(f.failure()));
      case ActivityOutcome.Canceled c -> throw activityFailure(activityType, scheduledEventId, activityId,
          RetryState.RETRY_STATE_CANCEL_REQUESTED, new CanceledFailure("activity canceled"));
      case ActivityOutcome.CompletedLater l -> throw new ActivityRequestedAsyncCompletion(activityId, true);
    };
  }

  private static ActivityFailure activityFailure(String activityType, long scheduledEventId, String activityId,
      RetryState retryState, Throwable cause) {
    return new ActivityFailure("Activity task failed", scheduledEventId, 0, activityType, activityId, retryState,
        IDENTITY, cause);
  }

  @Override
  public <T> void setActivityHeartbeatListener(Class<T> detailsClass, Functions.Proc1<T> listener) {
    setActivityHeartbeatListener(detailsClass, detailsClass, listener);
  }

  @Override
  public <T> void setActivityHeartbeatListener(Class<T> detailsClass, Type detailsType, Functions.Proc1<T> listener) {
    heartbeatListener = details -> listener.apply(
        dataConverter.fromPayloads(0, Optional.ofNullable(details), detailsClass, detailsType));
  }

  @Override
  public <T> void setHeartbeatDetails(T details) {
    heartbeatDetails = details == null ? null : dataConverter.toPayloads(details).orElse(null);
  }

  @Override
  public void requestCancelActivity() {
    cancelRequested = true;
  }

  @Override
  public void close() {
    // nothing runs in the background: each call runs on the caller's thread
  }
}
