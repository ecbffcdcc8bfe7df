package dev.cairn.internal.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a run has outstanding, kept beside its history so that a consumer can check a task against it
 * with one read: open activities by scheduled event id, open child workflows by initiated event id, open timers by id with their event id and fire time,
 * and whether a decision is already queued (so events arriving together queue one decision).
 */
public record ExecutionState(
    boolean decisionPending,
    Map<Long, PendingActivity> activities,
    Map<String, PendingTimer> timers,
    String lastDecisionFailure,
    int decisionFailures,
    Map<Long, PendingChild> children) {

  public ExecutionState {
    activities = Map.copyOf(activities == null ? Map.of() : activities);
    timers = Map.copyOf(timers == null ? Map.of() : timers);
    children = Map.copyOf(children == null ? Map.of() : children);
  }

  /** A state without child workflows. */
  public ExecutionState(boolean decisionPending, Map<Long, PendingActivity> activities, Map<String, PendingTimer> timers,
      String lastDecisionFailure, int decisionFailures) {
    this(decisionPending, activities, timers, lastDecisionFailure, decisionFailures, Map.of());
  }

  public static ExecutionState initial() {
    return new ExecutionState(true, Map.of(), Map.of(), null, 0, Map.of());
  }

  /** A mutable copy to build the next state from. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds the state a commit writes. */
  public static final class Builder {
    public boolean decisionPending;
    public final Map<Long, PendingActivity> activities;
    public final Map<String, PendingTimer> timers;
    public String lastDecisionFailure;
    public int decisionFailures;
    public final Map<Long, PendingChild> children;

    Builder(ExecutionState s) {
      children = new TreeMap<>(s.children);
      decisionPending = s.decisionPending;
      activities = new TreeMap<>(s.activities);
      timers = new TreeMap<>(s.timers);
      lastDecisionFailure = s.lastDecisionFailure;
      decisionFailures = s.decisionFailures;
    }

    public ExecutionState build() {
      return new ExecutionState(decisionPending, activities, timers, lastDecisionFailure, decisionFailures, children);
    }
  }
}
