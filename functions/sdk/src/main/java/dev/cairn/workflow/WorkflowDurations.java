package dev.cairn.workflow;

import java.time.Duration;

/** Shared builder checks for timeouts. */
final class WorkflowDurations {
  private WorkflowDurations() {}

  static Duration nonNegative(String name, Duration d) {
    if (d != null && d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + d);
    }
    return d;
  }
}
