package dev.cairn.internal.service;

import dev.cairn.internal.store.OutboxTask;
import java.util.List;

/**
 * Hands committed tasks to queues: SQS in the cloud and locally, memory in tests. A task is sent
 * only after the commit that created it, then marked sent; recovery re-sends what was not marked.
 */
public interface TaskDispatcher {
  void send(List<OutboxTask> tasks);
}
