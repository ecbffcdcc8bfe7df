package dev.cairn.workflow;

import dev.cairn.common.converter.EncodedValues;

/**
 * A workflow implementation that serves every workflow type the worker has no other implementation
 * for; {@code Workflow.getInfo().getWorkflowType()} tells which one it runs. Register it with
 * {@code registerWorkflowImplementationTypes} like any other.
 */
public interface DynamicWorkflow {
  Object execute(EncodedValues args);
}
