package dev.cairn.internal.worker;

import dev.cairn.activity.ActivityExecutionContext;
import dev.cairn.activity.ActivityInfo;
import dev.cairn.client.ActivityCanceledException;
import dev.cairn.client.ActivityCompletionException;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.internal.activity.CurrentActivity;
import dev.cairn.internal.definition.ActivityDefinitions.ActivityMethodBinding;
import dev.cairn.internal.definition.Invocations;
import dev.cairn.internal.store.Task;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Runs one activity attempt on the calling thread: the same code in Lambda, locally and in tests. */
public final class ActivityTaskExecutor {
  private final WorkerRegistry registry;
  private final DataConverter dataConverter;
  private final String namespace;

  public ActivityTaskExecutor(WorkerRegistry registry, DataConverter dataConverter, String namespace) {
    this.registry = registry;
    this.dataConverter = dataConverter;
    this.namespace = namespace;
  }

  public ActivityOutcome execute(Task.ActivityTask task, HeartbeatSink heartbeats, Instant startedAt) {
    return execute(task, heartbeats, startedAt, false);
  }

  /**
   * Runs local activity attempts inside decisions with the activities registered on the workflow's
   * task queue; they cannot heartbeat (nothing would read it) and report {@code isLocal()}.
   */
  public dev.cairn.internal.replay.LocalActivityExecutor localActivities(java.time.Clock clock) {
    HeartbeatSink none = new HeartbeatSink() {
      @Override public boolean heartbeat(Payloads details) { return false; }
      @Override public Optional<Payloads> lastDetails() { return Optional.empty(); }
    };
    return new dev.cairn.internal.replay.LocalActivityExecutor() {
      @Override
      public ActivityOutcome execute(Task.ActivityTask attempt) {
        return ActivityTaskExecutor.this.execute(attempt, none, attempt.scheduledTime(), true);
      }

      @Override
      public java.time.Clock clock() {
        return clock;
      }
    };
  }

  private ActivityOutcome execute(Task.ActivityTask task, HeartbeatSink heartbeats, Instant startedAt, boolean local) {
    Optional<ActivityMethodBinding> binding = registry.activity(task.taskQueue(), task.activityType());
    if (binding.isEmpty()) {
      return new ActivityOutcome.Failed(dataConverter.exceptionToFailure(
          dev.cairn.failure.ApplicationFailure.newNonRetryableFailure("Activity Type \"" + task.activityType()
              + "\" is not registered with a worker on task queue \"" + task.taskQueue() + "\"", "ActivityTypeNotRegistered")));
    }
    Method method = binding.get().method();
    Context context = new Context(task, heartbeats, startedAt, local);
    CurrentActivity.set(context);
    try {
      Object[] args = method.getDeclaringClass() == dev.cairn.activity.DynamicActivity.class
          ? new Object[] {new dev.cairn.common.converter.EncodedValues(Optional.ofNullable(task.input()), dataConverter)}
          : dataConverter.arrayFromPayloads(Optional.ofNullable(task.input()), method.getParameterTypes(),
              method.getGenericParameterTypes());
      Object result = Invocations.invoke(method, binding.get().implementation(), args);
      if (context.doNotComplete) {
        return new ActivityOutcome.CompletedLater();
      }
      return new ActivityOutcome.Completed(method.getReturnType() == void.class ? null
          : dataConverter.toPayloads(result).orElse(null));
    } catch (ActivityCanceledException | CanceledFailure e) {
      if (context.cancelSeen) {
        return new ActivityOutcome.Canceled(null);
      }
      // Only a cancellation the workflow asked for (and a heartbeat delivered) ends as cancelled, as in
      // Temporal; an activity that gives up by itself has failed.
      return new ActivityOutcome.Failed(dataConverter.exceptionToFailure(e));
    } catch (Throwable t) {
      Throwable cause = t instanceof Invocations.CheckedExceptionThrown ? t.getCause() : t;
      return new ActivityOutcome.Failed(dataConverter.exceptionToFailure(cause));
    } finally {
      CurrentActivity.clear();
    }
  }

  private final class Context implements ActivityExecutionContext, ActivityInfo {
    private final Task.ActivityTask task;
    private final HeartbeatSink heartbeats;
    private final Instant startedAt;
    private final boolean local;
    private boolean doNotComplete;
    private boolean cancelSeen;

    Context(Task.ActivityTask task, HeartbeatSink heartbeats, Instant startedAt, boolean local) {
      this.local = local;
      this.task = task;
      this.heartbeats = heartbeats;
      this.startedAt = startedAt;
    }

    @Override public ActivityInfo getInfo() { return this; }

    @Override
    public <V> void heartbeat(V details) throws ActivityCompletionException {
      Payloads p = details == null ? null : dataConverter.toPayloads(details).orElse(null);
      if (heartbeats.heartbeat(p)) {
        cancelSeen = true;
        throw new ActivityCanceledException(this);
      }
    }

    @Override
    public <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass) {
      return getHeartbeatDetails(detailsClass, detailsClass);
    }

    @Override
    public <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass, Type type) {
      return heartbeats.lastDetails().map(p -> dataConverter.fromPayloads(0, Optional.of(p), detailsClass, type));
    }

    @Override public byte[] getTaskToken() { return new TaskToken(task.key(), task.scheduledEventId(), task.attempt()).toBytes(); }
    @Override public void doNotCompleteOnReturn() { doNotComplete = true; }
    @Override public boolean isDoNotCompleteOnReturn() { return doNotComplete; }
    @Override public String getWorkflowId() { return task.key().workflowId(); }
    @Override public String getRunId() { return task.key().runId(); }
    @Override public String getActivityId() { return task.activityId(); }
    @Override public String getActivityType() { return task.activityType(); }
    @Override public long getScheduledTimestamp() { return task.scheduledTime().toEpochMilli(); }
    @Override public long getStartedTimestamp() { return startedAt.toEpochMilli(); }
    @Override public long getCurrentAttemptScheduledTimestamp() { return startedAt.toEpochMilli(); }
    @Override public Duration getScheduleToCloseTimeout() { return task.scheduleToCloseTimeout(); }
    @Override public Duration getStartToCloseTimeout() { return task.startToCloseTimeout(); }
    @Override public Duration getHeartbeatTimeout() { return task.heartbeatTimeout(); }
    @Override public Optional<Payloads> getHeartbeatDetails() { return heartbeats.lastDetails(); }
    @Override public String getWorkflowType() { return task.workflowType(); }
    @Override public String getWorkflowNamespace() { return namespace; }
    @Override public String getActivityNamespace() { return namespace; }
    @Override public int getAttempt() { return task.attempt(); }
    @Override public String getActivityTaskQueue() { return task.taskQueue(); }
    @Override public boolean isLocal() { return local; }
  }
}
