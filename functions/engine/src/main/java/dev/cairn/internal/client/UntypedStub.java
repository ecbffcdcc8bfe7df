package dev.cairn.internal.client;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.converter.Payload;
import dev.cairn.common.converter.Payloads;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.failure.TerminatedFailure;
import dev.cairn.failure.TimeoutFailure;
import dev.cairn.internal.history.EventAttributes.*;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.client.WorkflowQueryException;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.internal.replay.HandlerFailedException;
import dev.cairn.internal.replay.UnknownHandlerException;
import dev.cairn.internal.replay.WorkflowNotReadyException;
import dev.cairn.internal.service.PendingDecision;
import dev.cairn.internal.service.StartRequest;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A workflow stub over the in-process service. */
final class UntypedStub implements WorkflowStub {
  private static final Duration FOREVER = Duration.ofDays(365);
  /** How long a query or update waits for a decision in flight, so it sees every earlier signal. */
  private static final Duration SETTLE = Duration.ofSeconds(5);
  /** How long update-with-start waits for a new run's first decision, before which it has no handlers. */
  private static final Duration FIRST_DECISION_WAIT = Duration.ofSeconds(20);
  private final InProcessWorkflowClient client;
  private final String workflowType;
  private final WorkflowOptions options;
  private String workflowId;
  private String runId;

  UntypedStub(InProcessWorkflowClient client, String workflowType, WorkflowOptions options, String workflowId, String runId) {
    this.client = client;
    this.workflowType = workflowType;
    this.options = options;
    this.workflowId = workflowId;
    this.runId = runId;
  }

  @Override
  public WorkflowExecution start(Object... args) {
    return doStart(args, null, null);
  }

  @Override
  public WorkflowExecution signalWithStart(String signalName, Object[] signalArgs, Object[] startArgs) {
    return doStart(startArgs, signalName, signalArgs);
  }

  private WorkflowExecution doStart(Object[] args, String signalName, Object[] signalArgs) {
    requireStartOptions();
    if (runId != null) {
      throw new IllegalStateException("this stub already started workflow " + workflowId);
    }
    return started(client.service.start(startRequest(args, signalName, signalArgs)));
  }

  private void requireStartOptions() {
    if (options == null) {
      throw new IllegalStateException("this stub addresses an existing workflow; create one with WorkflowOptions to start");
    }
  }

  private WorkflowExecution started(WorkflowExecution execution) {
    workflowId = execution.getWorkflowId();
    runId = execution.getRunId();
    return execution;
  }

  private StartRequest startRequest(Object[] args, String signalName, Object[] signalArgs) {
    String id = options.getWorkflowId() == null ? UUID.randomUUID().toString() : options.getWorkflowId();
    String queue = options.getTaskQueue() == null ? client.defaultTaskQueue : options.getTaskQueue();
    Map<String, Payload> memo = null;
    if (options.getMemo() != null) {
      memo = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : options.getMemo().entrySet()) {
        memo.put(e.getKey(), client.dataConverter.toPayload(e.getValue()).orElseThrow());
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> searchAttributes = options.getTypedSearchAttributes() != null
        ? dev.cairn.internal.history.SearchAttributeMaps.toMap(options.getTypedSearchAttributes())
        : options.getSearchAttributes() == null ? null
        : dev.cairn.internal.history.SearchAttributeMaps.merge(Map.of(), (Map<String, Object>) options.getSearchAttributes());
    return new StartRequest(id, workflowType, queue, client.dataConverter.toPayloads(args).orElse(null),
        options.getWorkflowIdReusePolicy(), options.getWorkflowIdConflictPolicy(), options.getWorkflowExecutionTimeout(),
        options.getWorkflowRunTimeout(), options.getStartDelay(), options.getCronSchedule(), memo, searchAttributes,
        signalName, signalName == null ? null : client.dataConverter.toPayloads(signalArgs).orElse(null));
  }

  /**
   * Starts the workflow (or finds its open run, per the conflict policy), then delivers the update to
   * the run once its first decision has run; see {@link WorkflowService#acceptUpdateWhenReady} for why
   * two steps are safe. Unlike {@link #start}, a stub may do this again: a retry is how a crash
   * between the two steps heals.
   */
  @Override
  public <R> dev.cairn.client.WorkflowUpdateHandle<R> startUpdateWithStart(dev.cairn.client.UpdateOptions<R> updateOptions,
      Object[] updateArgs, Object[] startArgs) {
    updateOptions.validate();
    requireStartOptions();
    StartRequest request = startRequest(startArgs, null, null);
    String problem = request.updateWithStartProblem();
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
    WorkflowExecution execution = started(client.service.start(request));
    ExecutionKey key = new ExecutionKey(execution.getWorkflowId(), execution.getRunId());
    return accept(key, updateOptions, updateArgs, FIRST_DECISION_WAIT);
  }

  @Override
  public WorkflowExecution getExecution() {
    if (workflowId == null) {
      throw new IllegalStateException("workflow not started yet");
    }
    return WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId == null ? "" : runId).build();
  }

  /** The stub's run (or the id's latest when the stub knows no run), read from the store: no replay. */
  @Override
  public dev.cairn.client.WorkflowExecutionDescription describe() {
    ExecutionKey key = client.service.resolve(requireId(), runId);
    ExecutionRecord rec = client.service.store().get(key).orElseThrow(() -> new dev.cairn.client.WorkflowNotFoundException(
        client.service.execution(key), workflowType, null));
    return client.descriptions().description(rec);
  }

  @Override
  public Optional<String> getWorkflowType() {
    return Optional.ofNullable(workflowType);
  }

  @Override
  public <R> R getResult(long timeout, TimeUnit unit, Class<R> resultClass, Type resultType) throws TimeoutException {
    ExecutionKey key = client.service.resolve(workflowId, runId);
    while (true) {
      ExecutionKey k = key;
      try {
        if (!client.waiter.await(() -> client.service.store().get(k).map(r -> !r.isOpen()).orElse(false),
            Duration.ofMillis(unit.toMillis(timeout)))) {
          throw new TimeoutException("workflow " + k + " did not complete within " + timeout + " " + unit);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + k, e);
      }
      List<HistoryEvent> history = client.service.history(key);
      HistoryEvent last = history.get(history.size() - 1);
      ExecutionRecord rec = client.service.store().get(key).orElseThrow();
      WorkflowExecution execution = WorkflowExecution.newBuilder().setWorkflowId(key.workflowId()).setRunId(key.runId()).build();
      long wtc = lastWorkflowTaskCompleted(history);
      String cronNext = switch (last.attributes()) {
        case WorkflowExecutionCompleted c -> c.newExecutionRunId();
        case WorkflowExecutionFailed f -> f.newExecutionRunId();
        case WorkflowExecutionTimedOut t -> t.newExecutionRunId();
        default -> null;
      };
      if (cronNext != null) { // a cron workflow's result is its last run's: follow the runs, as Temporal does
        key = new ExecutionKey(key.workflowId(), cronNext);
        continue;
      }
      switch (last.attributes()) {
        case WorkflowExecutionCompleted c -> {
          return client.dataConverter.fromPayloads(0, Optional.ofNullable(c.result()), resultClass, resultType);
        }
        case WorkflowExecutionContinuedAsNew c -> key = new ExecutionKey(key.workflowId(), c.newExecutionRunId());
        case WorkflowExecutionFailed f -> throw new WorkflowFailedException(execution, rec.workflowType(),
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, wtc, f.retryState(), client.dataConverter.failureToException(f.failure()));
        case WorkflowExecutionCanceled c -> throw new WorkflowFailedException(execution, rec.workflowType(),
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, wtc, RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
            new CanceledFailure("workflow canceled", detailsOf(c.details())));
        case WorkflowExecutionTerminated t -> throw new WorkflowFailedException(execution, rec.workflowType(),
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED, wtc, RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
            new TerminatedFailure(t.reason(), null));
        case WorkflowExecutionTimedOut t -> throw new WorkflowFailedException(execution, rec.workflowType(),
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT, wtc, t.retryState(),
            new TimeoutFailure("workflow timed out", null, dev.cairn.api.enums.v1.TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE));
        default -> throw new IllegalStateException("run " + key + " is closed but its last event is " + last.eventType());
      }
    }
  }

  private Object detailsOf(Payloads p) {
    return p == null ? null : client.dataConverter.fromPayloads(0, Optional.of(p), Object.class, Object.class);
  }

  private static long lastWorkflowTaskCompleted(List<HistoryEvent> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).attributes() instanceof WorkflowTaskCompleted) {
        return history.get(i).eventId();
      }
    }
    return 0;
  }

  @Override
  public void signal(String signalName, Object... args) {
    String id = requireId();
    closedAsNotFound(id, () -> client.service.signal(id, null, signalName, client.dataConverter.toPayloads(args).orElse(null)));
  }

  /**
   * Temporal's server answers NOT_FOUND to a signal, cancel or terminate of a closed run, which its
   * client throws as WorkflowNotFoundException: so does this one.
   */
  private void closedAsNotFound(String id, Runnable call) {
    try {
      call.run();
    } catch (WorkflowService.WorkflowClosedException e) {
      throw new dev.cairn.client.WorkflowNotFoundException(
          dev.cairn.api.common.v1.WorkflowExecution.newBuilder().setWorkflowId(id).build(), workflowType, e);
    }
  }

  @Override
  public <R> R query(String queryType, Class<R> resultClass, Type resultType, Object... args) {
    ExecutionKey key = client.service.resolve(requireId(), runId);
    PendingDecision.awaitNone(client.service.store(), key, SETTLE);
    try {
      Payloads result = client.service.query(key.workflowId(), key.runId(), queryType,
          client.dataConverter.toPayloads(args).orElse(null));
      return client.dataConverter.fromPayloads(0, Optional.ofNullable(result), resultClass, resultType);
    } catch (UnknownHandlerException | WorkflowNotReadyException e) {
      throw new WorkflowQueryException(client.service.execution(key), workflowType, new IllegalArgumentException(e.getMessage()));
    } catch (HandlerFailedException e) {
      throw new WorkflowQueryException(client.service.execution(key), workflowType,
          client.dataConverter.failureToException(e.failure()));
    }
  }

  @Override
  public <R> dev.cairn.client.WorkflowUpdateHandle<R> startUpdate(dev.cairn.client.UpdateOptions<R> options,
      Object... args) {
    options.validate();
    return accept(client.service.resolve(requireId(), runId), options, args, SETTLE);
  }

  /** Validates and records the update on the run (waiting up to {@code readyWait} for its decision in flight). */
  private <R> dev.cairn.client.WorkflowUpdateHandle<R> accept(ExecutionKey key, dev.cairn.client.UpdateOptions<R> options,
      Object[] args, Duration readyWait) {
    String updateName = options.getUpdateName();
    String updateId = options.getUpdateId() == null ? UUID.randomUUID().toString() : options.getUpdateId();
    WorkflowService.AcceptedUpdate accepted;
    try {
      accepted = client.service.acceptUpdateWhenReady(key, updateId, updateName,
          client.dataConverter.toPayloads(args).orElse(null), readyWait);
    } catch (WorkflowNotReadyException e) {
      throw new WorkflowUpdateException(client.service.execution(key), updateId, updateName, new IllegalStateException(
          "the run's first workflow task did not complete within " + readyWait + " (is a worker polling its task"
              + " queue?); retry with the same update id: " + e.getMessage()));
    } catch (UnknownHandlerException e) {
      throw new WorkflowUpdateException(client.service.execution(key), updateId, updateName,
          new IllegalArgumentException(e.getMessage()));
    } catch (HandlerFailedException e) {
      throw new WorkflowUpdateException(client.service.execution(key), updateId, updateName,
          client.dataConverter.failureToException(e.failure()));
    }
    InProcessUpdateHandle<R> handle = new InProcessUpdateHandle<>(client, accepted, updateName,
        options.getResultClass(), options.getResultType());
    if (options.getWaitForStage() == dev.cairn.client.WorkflowUpdateStage.COMPLETED) {
      handle.awaitCompletion(FOREVER);
    }
    return handle;
  }

  @Override
  public <R> dev.cairn.client.WorkflowUpdateHandle<R> getUpdateHandle(String updateId, Class<R> resultClass,
      Type resultType) {
    ExecutionKey key = client.service.resolve(requireId(), runId);
    WorkflowService.AcceptedUpdate accepted = client.service.findUpdate(key.workflowId(), key.runId(), updateId)
        .orElseThrow(() -> new IllegalArgumentException("no update " + updateId + " in workflow " + key));
    return new InProcessUpdateHandle<>(client, accepted, null, resultClass, resultType);
  }

  @Override
  public void cancel(String reason) {
    String id = requireId();
    closedAsNotFound(id, () -> client.service.requestCancel(id, null));
  }

  @Override
  public void terminate(String reason, Object... details) {
    String id = requireId();
    closedAsNotFound(id, () -> client.service.terminate(id, null, reason));
  }

  private String requireId() {
    if (workflowId == null) {
      throw new IllegalStateException("workflow not started yet");
    }
    return workflowId;
  }
}
