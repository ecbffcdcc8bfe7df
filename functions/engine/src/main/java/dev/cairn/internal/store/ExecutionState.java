package dev.cairn.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run has outstanding, kept beside its history so that a consumer can check a task against it
 * with one read: open activities by scheduled event id, open child workflows by initiated event id, open timers by id with their event id and fire time,
 * whether a decision is already queued (so events arriving together queue one decision), the signals
 * and cancel requests it sent to other workflows and awaits, and the ids of the requests other
 * workflows sent it that it applied (so a redelivered one is not applied twice).
 */
public record ExecutionState(
    boolean decisionPending,
    Map<Long, PendingActivity> activities,
    Map<String, PendingTimer> timers,
    String lastDecisionFailure,
    int decisionFailures,
    Map<Long, PendingChild> children,
    Map<Long, PendingExternal> externals,
    List<String> appliedRequestIds) {

  /**
   * How many applied request ids a run remembers, oldest forgotten first. A request is redelivered
   * only until its sender records the outcome (minutes at most); this bounds the record's size.
   */
  public static final int MAX_APPLIED_REQUEST_IDS = 1000;

  public ExecutionState {
    activities = Map.copyOf(activities == null ? Map.of() : activities);
    timers = Map.copyOf(timers == null ? Map.of() : timers);
    children = Map.copyOf(children == null ? Map.of() : children);
    externals = Map.copyOf(externals == null ? Map.of() : externals);
    appliedRequestIds = List.copyOf(appliedRequestIds == null ? List.of() : appliedRequestIds);
  }

  /** A state without requests to or from other workflows. */
  public ExecutionState(boolean decisionPending, Map<Long, PendingActivity> activities, Map<String, PendingTimer> timers,
      String lastDecisionFailure, int decisionFailures, Map<Long, PendingChild> children) {
    this(decisionPending, activities, timers, lastDecisionFailure, decisionFailures, children, Map.of(), List.of());
  }

  /** A state without child workflows. */
  public ExecutionState(boolean decisionPending, Map<Long, PendingActivity> activities, Map<String, PendingTimer> timers,
      String lastDecisionFailure, int decisionFailures) {
    this(decisionPending, activities, timers, lastDecisionFailure, decisionFailures, Map.of());
  }

  public static ExecutionState initial() {
    return new ExecutionState(true, Map.of(), Map.of(), null, 0, Map.of());
  }

  /**
   * The state of a closed run: nothing outstanding, but the applied request ids stay, so a request
   * redelivered after the close is still known as applied rather than reported as failed.
   */
  public ExecutionState closed() {
    return new ExecutionState(false, Map.of(), Map.of(), null, 0, Map.of(), Map.of(), appliedRequestIds);
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
    public final Map<Long, PendingExternal> externals;
    public final List<String> appliedRequestIds;

    Builder(ExecutionState s) {
      children = new TreeMap<>(s.children);
      decisionPending = s.decisionPending;
      activities = new TreeMap<>(s.activities);
      timers = new TreeMap<>(s.timers);
      lastDecisionFailure = s.lastDecisionFailure;
      decisionFailures = s.decisionFailures;
      externals = new TreeMap<>(s.externals);
      appliedRequestIds = new ArrayList<>(s.appliedRequestIds);
    }

    /** Remembers a request from another workflow as applied, forgetting the oldest past the bound. */
    public void applied(String requestId) {
      appliedRequestIds.add(requestId);
      while (appliedRequestIds.size() > MAX_APPLIED_REQUEST_IDS) {
        appliedRequestIds.remove(0);
      }
    }

    public ExecutionState build() {
      return new ExecutionState(decisionPending, activities, timers, lastDecisionFailure, decisionFailures, children,
          externals, appliedRequestIds);
    }
  }
}
