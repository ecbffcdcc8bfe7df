package dev.cairn.workflow;

import dev.cairn.common.converter.EncodedValues;

/** Receives every signal the workflow has no named handler for; register with {@link Workflow#registerListener}. */
public interface DynamicSignalHandler {
  void handle(String signalName, EncodedValues args);
}
