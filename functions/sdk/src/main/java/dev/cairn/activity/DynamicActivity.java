package dev.cairn.activity;

import dev.cairn.common.converter.EncodedValues;

/**
 * An activity implementation that serves every activity type its task queue has no other
 * implementation for; {@code Activity.getExecutionContext().getInfo().getActivityType()} tells which.
 */
public interface DynamicActivity {
  Object execute(EncodedValues args);
}
