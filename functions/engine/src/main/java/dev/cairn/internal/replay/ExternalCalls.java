package dev.cairn.internal.replay;

import java.util.HashMap;
import java.util.Map;

/**
 * The signals and cancel requests this run sent to other workflows, by the event id that recorded
 * them, so their outcome events find them.
 */
final class ExternalCalls {
  private final Map<Long, ExternalSignalCall> signals = new HashMap<>();
  private final Map<Long, ExternalCancelCall> cancels = new HashMap<>();

  void registerSignal(long initiatedEventId, ExternalSignalCall call) {
    signals.put(initiatedEventId, call);
  }

  void registerCancel(long initiatedEventId, ExternalCancelCall call) {
    cancels.put(initiatedEventId, call);
  }

  ExternalSignalCall signal(long initiatedEventId) {
    ExternalSignalCall call = signals.get(initiatedEventId);
    if (call == null) {
      throw new IllegalStateException("history refers to a signal to another workflow initiated by event "
          + initiatedEventId + ", which this run's code never sent");
    }
    return call;
  }

  boolean hasCancel(long initiatedEventId) {
    return cancels.containsKey(initiatedEventId);
  }

  ExternalCancelCall cancel(long initiatedEventId) {
    ExternalCancelCall call = cancels.get(initiatedEventId);
    if (call == null) {
      throw new IllegalStateException("history refers to a cancel request to another workflow initiated by event "
          + initiatedEventId + ", which this run's code never sent");
    }
    return call;
  }
}
