package dev.cairn.internal.client;

import dev.cairn.client.ActivityCompletionClient;
import dev.cairn.client.ActivityNotExistsException;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.store.Task;
import dev.cairn.internal.worker.TaskToken;

/** Completes async activities by task token against an engine in the same process. */
final class InProcessActivityCompletionClient implements ActivityCompletionClient {
  private final WorkflowService service;
  private final DataConverter dc;

  InProcessActivityCompletionClient(WorkflowService service, DataConverter dc) {
    this.service = service;
    this.dc = dc;
  }

  @Override
  public <R> void complete(byte[] taskToken, R result) {
    TaskToken t = TaskToken.fromBytes(taskToken);
    if (!service.completeActivity(t.key(), t.scheduledEventId(), t.attempt(), dc.toPayloads(result).orElse(null), "completion-client")) {
      throw new ActivityNotExistsException(null);
    }
  }

  @Override
  public void completeExceptionally(byte[] taskToken, Exception result) {
    TaskToken t = TaskToken.fromBytes(taskToken);
    Task.ActivityTask task = service.pendingActivityTask(t.key(), t.scheduledEventId(), t.attempt()).orElse(null);
    if (task == null || !service.failActivity(t.key(), task, dc.exceptionToFailure(result), "completion-client")) {
      throw new ActivityNotExistsException(null);
    }
  }

  @Override
  public <V> void reportCancellation(byte[] taskToken, V details) {
    TaskToken t = TaskToken.fromBytes(taskToken);
    if (!service.reportActivityCanceled(t.key(), t.scheduledEventId(), t.attempt(), dc.toPayloads(details).orElse(null))) {
      throw new ActivityNotExistsException(null);
    }
  }

  @Override
  public <V> void heartbeat(byte[] taskToken, V details) {
    TaskToken t = TaskToken.fromBytes(taskToken);
    boolean cancelRequested;
    try {
      cancelRequested = service.heartbeat(t.key(), t.scheduledEventId(), t.attempt(), dc.toPayloads(details).orElse(null));
    } catch (WorkflowService.StaleActivityException e) {
      throw new ActivityNotExistsException(e);
    }
    if (cancelRequested) { // as Temporal's client: the caller learns of the cancellation from the heartbeat
      throw new dev.cairn.client.ActivityCanceledException();
    }
  }
}
