package dev.cairn.testing;

import dev.cairn.client.WorkflowClient;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import java.time.Duration;
import java.util.List;

/** Waits, with a real-time deadline, until a run's history holds an event of a given kind. */
final class HistoryWait {
  private HistoryWait() {}

  static List<HistoryEvent> history(WorkflowClient client, String workflowId) {
    return HistoryJson.fromJson(client.fetchHistory(workflowId).toJson(false));
  }

  static void until(WorkflowClient client, String workflowId, Class<? extends EventAttributes> kind) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (history(client, workflowId).stream().noneMatch(e -> kind.isInstance(e.attributes()))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + kind.getSimpleName() + " in the history of " + workflowId
            + " within 10 s: " + history(client, workflowId));
      }
      Thread.onSpinWait();
    }
  }
}
