package dev.cairn.workflow;

import dev.cairn.common.converter.EncodedValues;

/**
 * Handles every update the workflow has no named handler for; register with
 * {@link Workflow#registerListener}. As with a named handler, the validator runs first and may not
 * block or change state; throwing from it rejects the update without a trace in history.
 */
public interface DynamicUpdateHandler {

  /** Throws to reject the update; the default accepts every update. */
  default void handleValidate(String updateName, EncodedValues args) {}

  /** Runs the accepted update; may block like a signal handler. Its return value is the update's result. */
  Object handleExecute(String updateName, EncodedValues args);
}
