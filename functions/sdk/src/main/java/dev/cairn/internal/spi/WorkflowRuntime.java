package dev.cairn.internal.spi;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.common.SearchAttributeUpdate;
import dev.cairn.common.SearchAttributes;
import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.CompletablePromise;
import dev.cairn.workflow.ContinueAsNewOptions;
import dev.cairn.workflow.Functions;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.TimerOptions;
import dev.cairn.workflow.WorkflowInfo;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * What the public {@code Workflow}, {@code Async}, {@code Promise} and {@code CancellationScope}
 * statics delegate to. The engine installs one per workflow thread; the SDK holds no logic itself, so
 * the public API stays a thin, stable surface over an engine that can change.
 */
public interface WorkflowRuntime {

  /** The runtime of the calling workflow thread. */
  static WorkflowRuntime current() {
    WorkflowRuntime runtime = CurrentRuntime.get();
    if (runtime == null) {
      throw new IllegalStateException(
          "Workflow API called outside of workflow code: Workflow.*, Async.*, Promise.* and"
              + " CancellationScope.* may only be used from a workflow method or its handlers");
    }
    return runtime;
  }

  /** Whether the calling thread runs workflow code. */
  static boolean isWorkflowThread() {
    return CurrentRuntime.get() != null;
  }

  // ---- stubs
  <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options, Map<String, ActivityOptions> perMethod);

  <T> T newLocalActivityStub(Class<T> activityInterface, LocalActivityOptions options, Map<String, LocalActivityOptions> perMethod);

  /** An untyped stub of normal activities ({@code local} false, {@code options}) or local ones. */
  dev.cairn.workflow.ActivityStub newUntypedActivityStub(ActivityOptions options, boolean local, LocalActivityOptions localOptions);

  <T> T newChildWorkflowStub(Class<T> workflowInterface, ChildWorkflowOptions options);

  dev.cairn.workflow.ChildWorkflowStub newUntypedChildWorkflowStub(String workflowType, ChildWorkflowOptions options);

  /** A typed stub of another workflow; {@code runId} null or empty addresses its latest run. */
  <T> T newExternalWorkflowStub(Class<T> workflowInterface, String workflowId, String runId);

  dev.cairn.workflow.ExternalWorkflowStub newUntypedExternalWorkflowStub(String workflowId, String runId);

  <T> T newContinueAsNewStub(Class<T> workflowInterface, ContinueAsNewOptions options);

  /** Never returns: ends this run and starts a new one with the same workflow id. */
  void continueAsNew(String workflowType, ContinueAsNewOptions options, Object[] args);

  // ---- time and randomness
  long currentTimeMillis();

  void sleep(Duration duration);

  Promise<Void> newTimer(Duration duration, TimerOptions options);

  void await(Supplier<Boolean> unblockCondition);

  boolean await(Duration timeout, Supplier<Boolean> unblockCondition);

  UUID randomUUID();

  Random newRandom();

  <R> R sideEffect(Class<R> resultClass, Type resultType, Functions.Func<R> func);

  <R> R mutableSideEffect(String id, Class<R> resultClass, Type resultType, java.util.function.BiPredicate<R, R> updated, Functions.Func<R> func);

  int getVersion(String changeId, int minSupported, int maxSupported);

  // ---- promises and threads
  <V> CompletablePromise<V> newPromise();

  Promise<Void> allOfVoid(Collection<? extends Promise<?>> promises);

  <V> Promise<V> anyOf(Iterable<? extends Promise<? extends V>> promises);

  /**
   * Runs {@code invoker} on a new workflow thread, or, when {@code function} is a method reference
   * bound to an activity or child-workflow stub, starts that call without a thread.
   */
  <R> Promise<R> async(Object function, Functions.Func<R> invoker);

  CancellationScope newCancellationScope(boolean detached, Functions.Proc1<CancellationScope> body);

  CancellationScope currentCancellationScope();

  // ---- information
  WorkflowInfo getInfo();

  Logger getLogger(String name);

  boolean isReplaying();

  <R> R getLastCompletionResult(Class<R> resultClass, Type resultType);

  <T> T getMemo(String key, Class<T> valueClass, Type valueType);

  SearchAttributes getTypedSearchAttributes();

  void upsertTypedSearchAttributes(SearchAttributeUpdate<?>... updates);

  /** Untyped form: a null value unsets the attribute. */
  void upsertSearchAttributes(java.util.Map<String, ?> searchAttributes);

  /** Registers signal, query and update handlers of an object, including dynamic ones. */
  void registerListener(Object listener);

  boolean isEveryHandlerFinished();
}
