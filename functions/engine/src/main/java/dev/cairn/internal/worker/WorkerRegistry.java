package dev.cairn.internal.worker;

import dev.cairn.internal.definition.ActivityDefinitions;
import dev.cairn.internal.definition.ActivityDefinitions.ActivityMethodBinding;
import dev.cairn.internal.definition.WorkflowDefinition;
import dev.cairn.internal.replay.WorkflowRegistry;
import dev.cairn.internal.spi.WorkerRegistrar;
import dev.cairn.worker.WorkflowImplementationOptions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Everything the workers of one process registered: workflow types, and activities per task queue. */
public final class WorkerRegistry implements WorkerRegistrar {
  private final WorkflowRegistry workflows = new WorkflowRegistry();
  private final Map<String, Map<String, ActivityMethodBinding>> activitiesByQueue = new ConcurrentHashMap<>();

  @Override
  public void registerWorkflowType(String taskQueue, Class<?> implementation, WorkflowImplementationOptions options,
      Supplier<?> factory) {
    workflows.register(WorkflowDefinition.of(implementation, factory), options);
  }

  @Override
  public void registerActivities(String taskQueue, Object implementation) {
    Map<String, ActivityMethodBinding> byType = ActivityDefinitions.of(implementation);
    Map<String, ActivityMethodBinding> queue = activitiesByQueue.computeIfAbsent(taskQueue, q -> new ConcurrentHashMap<>());
    for (Map.Entry<String, ActivityMethodBinding> e : byType.entrySet()) {
      if (queue.putIfAbsent(e.getKey(), e.getValue()) != null) {
        throw new IllegalStateException("activity type " + e.getKey() + " is already registered on task queue " + taskQueue);
      }
    }
  }

  public WorkflowRegistry workflows() {
    return workflows;
  }

  public Optional<ActivityMethodBinding> activity(String taskQueue, String activityType) {
    Map<String, ActivityMethodBinding> queue = activitiesByQueue.get(taskQueue);
    if (queue == null) {
      return Optional.empty();
    }
    ActivityMethodBinding binding = queue.get(activityType);
    return Optional.ofNullable(binding != null ? binding : queue.get(ActivityDefinitions.DYNAMIC_TYPE));
  }

  public boolean servesActivityQueue(String taskQueue) {
    return activitiesByQueue.containsKey(taskQueue);
  }
}
