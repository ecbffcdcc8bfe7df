package dev.cairn.internal.service;

/**
 * How long a run's history may grow (invariant 8). Past {@code warnEvents} each decision logs a
 * warning and records it in WorkflowTaskCompleted; at {@code maxEvents} the run is terminated with a
 * reason that says so, before replay gets slow or a store limit is hit. Temporal's defaults:
 * 10,240 and 51,200 events. Long-lived workflows stay under them with continue-as-new.
 */
public record HistoryLimits(long warnEvents, long maxEvents) {
  public static final HistoryLimits DEFAULT = new HistoryLimits(10_240, 51_200);

  public HistoryLimits {
    if (warnEvents <= 0 || maxEvents <= warnEvents) {
      throw new IllegalArgumentException("need 0 < warnEvents < maxEvents, got " + warnEvents + " and " + maxEvents);
    }
  }

  public boolean isWarning(long historyLength) {
    return historyLength >= warnEvents;
  }

  public boolean isExceeded(long historyLength) {
    return historyLength >= maxEvents;
  }
}
