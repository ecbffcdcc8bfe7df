package dev.cairn.lambda;

import java.time.Duration;

/**
 * When a failed decision (non-determinism, a bug in workflow code) is tried again: 10 s after the
 * first failure, doubling, at most 15 minutes (one SQS delay), so a broken run costs a few
 * invocations an hour and resumes by itself within 15 minutes of fixed code being deployed.
 */
final class DecisionRetryBackoff {
  static final Duration FIRST = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(15);

  private DecisionRetryBackoff() {}

  /** @param failures consecutive failed decisions of the run, counting the last one */
  static Duration after(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 20));
    Duration d = FIRST.multipliedBy(1L << doublings);
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
