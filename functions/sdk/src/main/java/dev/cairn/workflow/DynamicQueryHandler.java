package dev.cairn.workflow;

import dev.cairn.common.converter.EncodedValues;

/** Answers every query the workflow has no named handler for; register with {@link Workflow#registerListener}. */
public interface DynamicQueryHandler {
  Object handle(String queryType, EncodedValues args);
}
