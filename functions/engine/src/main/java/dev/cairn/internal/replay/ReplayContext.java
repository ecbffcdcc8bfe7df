package dev.cairn.internal.replay;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.common.SearchAttributeUpdate;
import dev.cairn.common.SearchAttributes;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.internal.definition.Invocations;
import dev.cairn.internal.definition.WorkflowDefinition;
import dev.cairn.internal.history.EventAttributes.CommandEvent;
import dev.cairn.internal.history.SearchAttributeMaps;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionCompleted;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionContinuedAsNew;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionStarted;
import dev.cairn.internal.spi.Defaults;
import dev.cairn.internal.spi.WorkflowRuntime;
import dev.cairn.internal.sync.CancellationScopeImpl;
import dev.cairn.internal.sync.CompletablePromiseImpl;
import dev.cairn.internal.sync.DestroyWorkflowThreadError;
import dev.cairn.internal.sync.DeterministicRunner;
import dev.cairn.internal.sync.WorkflowThread;
import dev.cairn.worker.WorkflowImplementationOptions;
import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.ChildWorkflowStub;
import dev.cairn.workflow.CompletablePromise;
import dev.cairn.workflow.ContinueAsNewOptions;
import dev.cairn.workflow.Functions;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.TimerOptions;
import dev.cairn.workflow.WorkflowInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's workflow code as seen during one decision: it implements the workflow API, turning calls
 * into commands and history events into resolved promises. Built fresh for each decision and thrown
 * away after it, so nothing but history carries state between decisions.
 */
public final class ReplayContext implements WorkflowRuntime {
  private final RunInfo info;
  private final WorkflowDefinition definition;
  private final WorkflowImplementationOptions implementationOptions;
  private final DataConverter dataConverter;
  private final DeterministicRunner runner;
  private final Random random;

  private final List<PendingCommand> issued = new ArrayList<>();
  private final ExternalCalls externals;
  private final SignalDispatch listeners = new SignalDispatch();
  private final ReadOnlyCalls readOnly;
  private final RecordedValues recordedValues;
  private final RunOutcome outcome;
  private final MessageHandlers messages;
  private final LocalActivityQueue localActivities;
  private final ActivityCalls activities;
  private final ChildWorkflowCalls children;
  private final TimerCalls timers = new TimerCalls(this);
  private final RunSearchAttributes searchAttributes;
  private final WorkflowStubs stubs = new WorkflowStubs(this);

  private long timeMillis;
  private boolean replaying;
  private long historyLength;
  private long runStartedMillis;
  private int threadSeq;
  private Object instance;
  private AsyncCapture capture;

  ReplayContext(RunInfo info, WorkflowDefinition definition, WorkflowImplementationOptions implementationOptions,
      DataConverter dataConverter, MarkerIndex markers, long deadlockDetectionMillis,
      LocalActivityExecutor localActivityExecutor) {
    this.info = info;
    this.definition = definition;
    this.implementationOptions = implementationOptions == null
        ? WorkflowImplementationOptions.getDefaultInstance() : implementationOptions;
    this.dataConverter = dataConverter;
    this.runner = new DeterministicRunner(this, deadlockDetectionMillis);
    this.random = new Random(info.randomSeed());
    this.outcome = new RunOutcome(dataConverter, this.implementationOptions);
    this.recordedValues = new RecordedValues(markers, dataConverter, () -> replaying, marker -> addCommand(marker, null));
    this.readOnly = new ReadOnlyCalls(info, runner, dataConverter, listeners, () -> instance);
    this.externals = new ExternalCalls(this, dataConverter);
    this.children = new ChildWorkflowCalls(this, info, dataConverter);
    this.activities = new ActivityCalls(this, info, dataConverter, this.implementationOptions);
    this.localActivities = new LocalActivityQueue(this, info, dataConverter, runner, markers, localActivityExecutor,
        outcome);
    this.messages = new MessageHandlers(info, definition, dataConverter, runner, listeners, readOnly, outcome,
        () -> instance, () -> replaying, () -> ++threadSeq, command -> addCommand(command, null));
    this.searchAttributes = new RunSearchAttributes(info.started().searchAttributes(), command -> addCommand(command, null));
  }

  DeterministicRunner runner() {
    return runner;
  }

  DataConverter dataConverter() {
    return dataConverter;
  }

  // ------------------------------------------------------------------ driven by the replayer

  /** Creates the workflow instance and the thread of its workflow method. */
  void start() {
    WorkflowExecutionStarted started = info.started();
    Method m = definition.workflowMethod();
    runner.newThread("workflow-init", runner.rootScope(), () -> {
      Object[] args = definition.isDynamic()
          ? new Object[] {new dev.cairn.common.converter.EncodedValues(Optional.ofNullable(started.input()), dataConverter)}
          : dataConverter.arrayFromPayloads(Optional.ofNullable(started.input()), m.getParameterTypes(),
              m.getGenericParameterTypes());
      try {
        instance = definition.newInstance(args);
      } catch (DestroyWorkflowThreadError e) {
        throw e;
      } catch (Throwable t) {
        outcome.closeOnFailure(t);
        return;
      }
      runner.newThread("workflow-method", runner.rootScope(), () -> runWorkflowMethod(m, args));
    });
  }

  private void runWorkflowMethod(Method m, Object[] args) {
    try {
      Object result = Invocations.invoke(m, instance, args);
      outcome.close(new WorkflowExecutionCompleted(m.getReturnType() == void.class ? null
          : dataConverter.toPayloads(result).orElse(null)));
    } catch (ContinueAsNewError e) {
      // closeCommand already set
    } catch (DestroyWorkflowThreadError e) {
      throw e;
    } catch (Throwable t) {
      outcome.closeOnFailure(t);
    }
  }

  /** Runs the code until every thread blocks; returns the commands it issued, close command last. */
  List<PendingCommand> runDecision(long timeMillis, boolean replaying) {
    this.timeMillis = timeMillis;
    this.replaying = replaying;
    try {
      runner.runUntilAllBlocked();
      localActivities.runPending();
    } catch (UnsupportedVersion e) {
      // thrown past a thread that does not catch Errors (an Async lambda)
      throw new WorkflowTaskFailure("Workflow code of " + info.workflowType() + " threw " + e, e);
    }
    if (outcome.workflowTaskFailure() instanceof MissingMarker m) {
      throw m;
    }
    if (outcome.workflowTaskFailure() != null && outcome.closeCommand() == null) {
      Throwable t = outcome.workflowTaskFailure();
      throw new WorkflowTaskFailure("Workflow code of " + info.workflowType() + " threw " + t, t);
    }
    List<PendingCommand> out = new ArrayList<>();
    for (PendingCommand p : issued) {
      if (!p.dropped) {
        out.add(p);
      }
    }
    issued.clear();
    CommandEvent close = outcome.takeCloseCommand();
    if (close != null) {
      out.add(new PendingCommand(close, null));
    }
    return out;
  }

  boolean isClosed() {
    return outcome.isClosed();
  }

  void setRunStarted(Instant started) {
    this.runStartedMillis = started.toEpochMilli();
  }

  void setHistoryLength(long length) {
    this.historyLength = length;
  }

  void close() {
    runner.close();
  }

  PendingCommand addCommand(CommandEvent command, LongConsumer onRecorded) {
    if (readOnly.activeHandler() != null) {
      throw new IllegalStateException(readOnly.activeHandler() + " must not change the workflow (it tried to record "
          + CommandMatcher.describe(command) + "): queries and update validators only read state");
    }
    PendingCommand p = new PendingCommand(command, onRecorded);
    if (outcome.closeCommand() != null) {
      p.dropped = true; // the run is closing; later commands never leave the decision
    }
    issued.add(p);
    return p;
  }

  void requestCancel() {
    runner.executeInWorkflowThread(() -> {
      outcome.cancelRequested();
      runner.rootScope().cancel("workflow cancel requested");
    });
  }

  /** A stub's return path: blocks for the value, or hands the promise to {@code Async}. */
  Object returnOrCapture(Promise<?> promise, Class<?> returnType) {
    if (capture != null) {
      capture.promise = promise;
      capture = null;
      return Defaults.defaultValue(returnType);
    }
    return promise.get();
  }

  /** ExternalWorkflowExecutionCancelRequested: a child's cancellation, or a cancel request to another workflow. */
  void cancelRequestDelivered(long initiatedEventId) {
    if (externals.hasCancel(initiatedEventId)) {
      externals.cancel(initiatedEventId).delivered();
    } else {
      children.byCancel(initiatedEventId).cancelDelivered();
    }
  }

  ExternalCalls externals() {
    return externals;
  }

  String namespace() {
    return info.namespace();
  }

  // ------------------------------------------------------------------ WorkflowRuntime

  @Override
  public <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options, Map<String, ActivityOptions> perMethod) {
    return stubs.activityStub(activityInterface, options, perMethod);
  }

  @Override
  public <T> T newLocalActivityStub(Class<T> activityInterface, LocalActivityOptions options, Map<String, LocalActivityOptions> perMethod) {
    return stubs.localActivityStub(activityInterface, options, perMethod);
  }

  @Override
  public dev.cairn.workflow.ActivityStub newUntypedActivityStub(ActivityOptions options, boolean local,
      LocalActivityOptions localOptions) {
    return new UntypedActivityStub(this, options, local, localOptions);
  }

  @Override
  public <T> T newChildWorkflowStub(Class<T> workflowInterface, ChildWorkflowOptions options) {
    return stubs.childWorkflowStub(workflowInterface, options);
  }

  @Override
  public ChildWorkflowStub newUntypedChildWorkflowStub(String workflowType, ChildWorkflowOptions options) {
    return new ChildWorkflowStubImpl(this, workflowType, options);
  }

  @Override
  public <T> T newExternalWorkflowStub(Class<T> workflowInterface, String workflowId, String runId) {
    return stubs.externalWorkflowStub(workflowInterface, workflowId, runId);
  }

  @Override
  public ExternalWorkflowStubImpl newUntypedExternalWorkflowStub(String workflowId, String runId) {
    return new ExternalWorkflowStubImpl(this, WorkflowExecution.newBuilder().setWorkflowId(workflowId)
        .setRunId(runId == null ? "" : runId).build());
  }

  @Override
  public <T> T newContinueAsNewStub(Class<T> workflowInterface, ContinueAsNewOptions options) {
    return stubs.continueAsNewStub(workflowInterface, options);
  }

  @Override
  public void continueAsNew(String workflowType, ContinueAsNewOptions options, Object[] args) {
    outcome.close(new WorkflowExecutionContinuedAsNew(
        null,
        workflowType == null ? info.workflowType() : workflowType,
        options != null && options.getTaskQueue() != null ? options.getTaskQueue() : info.taskQueue(),
        dataConverter.toPayloads(args).orElse(null),
        options != null && options.getWorkflowRunTimeout() != null ? options.getWorkflowRunTimeout() : info.started().workflowRunTimeout(),
        null, "Workflow", null, null, info.started().memo(),
        searchAttributes.forNextRun()));
    throw new ContinueAsNewError();
  }

  @Override
  public long currentTimeMillis() {
    return timeMillis;
  }

  @Override
  public void sleep(Duration duration) {
    newTimer(duration, null).get();
  }

  @Override
  public Promise<Void> newTimer(Duration duration, TimerOptions options) {
    return startTimer(duration).fired;
  }

  private TimerCall startTimer(Duration duration) {
    return timers.start(duration, WorkflowThread.require().currentScope());
  }

  /** Runs {@code cancel} if {@code scope} is cancelled before {@code outcome} completes. */
  static void cancelWithScope(CancellationScopeImpl scope, Promise<?> outcome, Runnable cancel) {
    scope.onCancel(cancel);
    outcome.handle((v, f) -> {
      scope.removeCancelHook(cancel);
      return null;
    });
  }

  @Override
  public void await(Supplier<Boolean> condition) {
    WorkflowThread t = WorkflowThread.require();
    CancellationScopeImpl scope = t.currentScope();
    t.yieldUntil("Workflow.await", () -> condition.get() || scope.isCancelRequested());
    if (!condition.get() && scope.isCancelRequested()) {
      throw new CanceledFailure("Workflow.await canceled");
    }
  }

  @Override
  public boolean await(Duration timeout, Supplier<Boolean> condition) {
    WorkflowThread t = WorkflowThread.require();
    if (condition.get()) {
      return true;
    }
    CancellationScopeImpl scope = t.currentScope();
    TimerCall timer = startTimer(timeout);
    t.yieldUntil("Workflow.await with timeout", () -> condition.get() || timer.fired.isCompleted() || scope.isCancelRequested());
    boolean satisfied = condition.get();
    if (!timer.fired.isCompleted()) {
      timer.cancel();
    }
    if (!satisfied && scope.isCancelRequested()) {
      throw new CanceledFailure("Workflow.await canceled");
    }
    return satisfied;
  }

  @Override
  public UUID randomUUID() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (b[i] & 0xff);
      lsb = (lsb << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(msb, lsb);
  }

  @Override
  public Random newRandom() {
    return new Random(random.nextLong());
  }

  @Override
  public <R> R sideEffect(Class<R> resultClass, Type resultType, Functions.Func<R> func) {
    return recordedValues.sideEffect(resultClass, resultType, func);
  }

  @Override
  public <R> R mutableSideEffect(String id, Class<R> resultClass, Type resultType, BiPredicate<R, R> updated, Functions.Func<R> func) {
    return recordedValues.mutableSideEffect(id, resultClass, resultType, updated, func);
  }

  @Override
  public int getVersion(String changeId, int minSupported, int maxSupported) {
    return recordedValues.getVersion(changeId, minSupported, maxSupported);
  }

  @Override
  public <V> CompletablePromise<V> newPromise() {
    return new CompletablePromiseImpl<>(runner);
  }

  @Override
  public Promise<Void> allOfVoid(Collection<? extends Promise<?>> promises) {
    @SuppressWarnings("unchecked")
    Collection<Promise<Object>> all = (Collection<Promise<Object>>) (Collection<?>) promises;
    return Combinators.allOf(runner, all).thenApply(x -> null);
  }

  @Override
  public <V> Promise<V> anyOf(Iterable<? extends Promise<? extends V>> promises) {
    return Combinators.anyOf(runner, promises);
  }

  @Override
  public <R> Promise<R> async(Object function, Functions.Func<R> invoker) {
    if (AsyncCapture.stubTarget(function) != null) {
      AsyncCapture c = new AsyncCapture();
      capture = c;
      try {
        invoker.apply();
      } finally {
        capture = null;
      }
      if (c.promise != null) {
        @SuppressWarnings("unchecked")
        Promise<R> p = (Promise<R>) c.promise;
        return p;
      }
    }
    CompletablePromiseImpl<R> result = new CompletablePromiseImpl<>(runner);
    CancellationScopeImpl scope = WorkflowThread.require().currentScope();
    runner.newThread("async-" + (++threadSeq), scope, () -> {
      try {
        result.complete(invoker.apply());
      } catch (DestroyWorkflowThreadError | ContinueAsNewError e) {
        throw e;
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  @Override
  public CancellationScope newCancellationScope(boolean detached, Functions.Proc1<CancellationScope> body) {
    return CancellationScopeImpl.create(WorkflowThread.require().currentScope(), detached, body);
  }

  @Override
  public CancellationScope currentCancellationScope() {
    return WorkflowThread.require().currentScope();
  }

  @Override
  public WorkflowInfo getInfo() {
    return new WorkflowInfoImpl(info, historyLength, runStartedMillis);
  }

  @Override
  public Logger getLogger(String name) {
    // Asks the calling thread's run, not this one: a logger kept in a static field outlives the
    // decision that created it and is used by every later decision and run.
    return ReplayAwareLogger.wrap(LoggerFactory.getLogger(name),
        () -> WorkflowRuntime.isWorkflowThread() && WorkflowRuntime.current().isReplaying());
  }

  @Override
  public boolean isReplaying() {
    return replaying;
  }

  @Override
  public <R> R getLastCompletionResult(Class<R> resultClass, Type resultType) {
    return dataConverter.fromPayloads(0, Optional.ofNullable(info.started().lastCompletionResult()), resultClass, resultType);
  }

  @Override
  public <T> T getMemo(String key, Class<T> valueClass, Type valueType) {
    Map<String, dev.cairn.common.converter.Payload> memo = info.started().memo();
    if (memo == null || !memo.containsKey(key)) {
      return null;
    }
    return dataConverter.fromPayload(memo.get(key), valueClass, valueType);
  }

  @Override
  public SearchAttributes getTypedSearchAttributes() {
    return searchAttributes.typed();
  }

  @Override
  public void upsertTypedSearchAttributes(SearchAttributeUpdate<?>... updates) {
    upsertSearchAttributes(SearchAttributeMaps.toMap(updates));
  }

  @Override
  public void upsertSearchAttributes(Map<String, ?> changes) {
    searchAttributes.upsert(changes);
  }

  @Override
  public void registerListener(Object listener) {
    messages.registerListener(listener);
  }

  @Override
  public boolean isEveryHandlerFinished() {
    return messages.isEveryHandlerFinished();
  }

  ActivityCalls activities() {
    return activities;
  }

  TimerCalls timers() {
    return timers;
  }

  ChildWorkflowCalls children() {
    return children;
  }

  LocalActivityQueue localActivities() {
    return localActivities;
  }

  MessageHandlers messages() {
    return messages;
  }

  ReadOnlyCalls readOnly() {
    return readOnly;
  }
}
