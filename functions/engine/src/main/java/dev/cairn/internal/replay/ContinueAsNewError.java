package dev.cairn.internal.replay;

/** Unwinds the workflow method after {@code Workflow.continueAsNew}; an Error so user code cannot catch it. */
final class ContinueAsNewError extends Error {
  ContinueAsNewError() {
    super("continue as new", null, false, false);
  }
}
