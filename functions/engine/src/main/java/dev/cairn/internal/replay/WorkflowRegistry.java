package dev.cairn.internal.replay;

import dev.cairn.internal.definition.WorkflowDefinition;
import dev.cairn.worker.WorkflowImplementationOptions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Workflow types a worker serves, by type name. */
public final class WorkflowRegistry {
  /** A registered type with the options it was registered with. */
  public record Registration(WorkflowDefinition definition, WorkflowImplementationOptions options) {}

  private final Map<String, Registration> byType = new ConcurrentHashMap<>();

  public void register(WorkflowDefinition definition, WorkflowImplementationOptions options) {
    Registration previous = byType.putIfAbsent(definition.workflowType(), new Registration(definition, options));
    if (previous != null && previous.definition().implementationClass() != definition.implementationClass()) {
      throw new IllegalStateException("workflow type " + definition.workflowType() + " is already registered by "
          + previous.definition().implementationClass().getName());
    }
  }

  public Optional<Registration> find(String workflowType) {
    Registration r = byType.get(workflowType);
    return Optional.ofNullable(r != null ? r : byType.get(WorkflowDefinition.DYNAMIC_TYPE));
  }

  public java.util.Set<String> types() {
    return byType.keySet();
  }
}
