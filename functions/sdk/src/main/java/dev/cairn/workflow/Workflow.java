package dev.cairn.workflow;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.common.SearchAttributeUpdate;
import dev.cairn.common.SearchAttributes;
import dev.cairn.internal.spi.WorkflowRuntime;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The workflow code's view of the engine, with Temporal's names and semantics. Everything here is
 * deterministic: on replay each call returns what history recorded.
 */
public final class Workflow {

  /** The version {@link #getVersion} returns for code that ran before the change was introduced. */
  public static final int DEFAULT_VERSION = -1;

  private Workflow() {}

  private static WorkflowRuntime rt() {
    return WorkflowRuntime.current();
  }

  // ---- activities and child workflows

  public static <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options) {
    return rt().newActivityStub(activityInterface, options, Collections.emptyMap());
  }

  public static <T> T newActivityStub(
      Class<T> activityInterface, ActivityOptions options, Map<String, ActivityOptions> activityMethodOptions) {
    return rt().newActivityStub(activityInterface, options,
        activityMethodOptions == null ? Collections.emptyMap() : activityMethodOptions);
  }

  /** Uses the options given to the worker through {@code WorkflowImplementationOptions}. */
  public static <T> T newActivityStub(Class<T> activityInterface) {
    return rt().newActivityStub(activityInterface, null, Collections.emptyMap());
  }

  public static <T> T newLocalActivityStub(Class<T> activityInterface, LocalActivityOptions options) {
    return rt().newLocalActivityStub(activityInterface, options, Collections.emptyMap());
  }

  public static <T> T newLocalActivityStub(
      Class<T> activityInterface, LocalActivityOptions options, Map<String, LocalActivityOptions> perMethod) {
    return rt().newLocalActivityStub(activityInterface, options,
        perMethod == null ? Collections.emptyMap() : perMethod);
  }

  public static <T> T newLocalActivityStub(Class<T> activityInterface) {
    return rt().newLocalActivityStub(activityInterface, null, Collections.emptyMap());
  }

  /** An activity stub that calls activities by type name. */
  public static ActivityStub newUntypedActivityStub(ActivityOptions options) {
    return rt().newUntypedActivityStub(options, false, null);
  }

  /** A local activity stub that calls activities by type name. */
  public static ActivityStub newUntypedLocalActivityStub(LocalActivityOptions options) {
    return rt().newUntypedActivityStub(null, true, options);
  }

  public static <T> T newChildWorkflowStub(Class<T> workflowInterface, ChildWorkflowOptions options) {
    return rt().newChildWorkflowStub(workflowInterface, options);
  }

  public static <T> T newChildWorkflowStub(Class<T> workflowInterface) {
    return rt().newChildWorkflowStub(workflowInterface, null);
  }

  public static ChildWorkflowStub newUntypedChildWorkflowStub(String workflowType, ChildWorkflowOptions options) {
    return rt().newUntypedChildWorkflowStub(Objects.requireNonNull(workflowType, "workflowType"), options);
  }

  public static ChildWorkflowStub newUntypedChildWorkflowStub(String workflowType) {
    return rt().newUntypedChildWorkflowStub(Objects.requireNonNull(workflowType, "workflowType"), null);
  }

  /**
   * The execution of a child workflow stub (typed or untyped): completes once the child has started,
   * so a parent can learn its run id, or return without waiting for the child's result.
   */
  public static Promise<dev.cairn.api.common.v1.WorkflowExecution> getWorkflowExecution(Object childWorkflowStub) {
    return ChildWorkflowStub.fromTyped(childWorkflowStub).getExecution();
  }

  /**
   * A typed stub of another workflow's latest run: its {@code @SignalMethod}s signal that workflow and
   * block until the signal is in its history. See {@link ExternalWorkflowStub}.
   */
  public static <T> T newExternalWorkflowStub(Class<T> workflowInterface, String workflowId) {
    return rt().newExternalWorkflowStub(Objects.requireNonNull(workflowInterface, "workflowInterface"),
        requireId(workflowId), null);
  }

  /** A typed stub of another workflow's run ({@code execution}'s run id, or its latest run when empty). */
  public static <T> T newExternalWorkflowStub(Class<T> workflowInterface,
      dev.cairn.api.common.v1.WorkflowExecution execution) {
    Objects.requireNonNull(execution, "execution");
    return rt().newExternalWorkflowStub(Objects.requireNonNull(workflowInterface, "workflowInterface"),
        requireId(execution.getWorkflowId()), execution.getRunId());
  }

  /** An untyped stub of another workflow's latest run, to signal or cancel it by name. */
  public static ExternalWorkflowStub newUntypedExternalWorkflowStub(String workflowId) {
    return rt().newUntypedExternalWorkflowStub(requireId(workflowId), null);
  }

  public static ExternalWorkflowStub newUntypedExternalWorkflowStub(dev.cairn.api.common.v1.WorkflowExecution execution) {
    Objects.requireNonNull(execution, "execution");
    return rt().newUntypedExternalWorkflowStub(requireId(execution.getWorkflowId()), execution.getRunId());
  }

  private static String requireId(String workflowId) {
    if (workflowId == null || workflowId.isEmpty()) {
      throw new IllegalArgumentException("an external workflow stub needs a workflow id, got "
          + (workflowId == null ? "null" : "an empty one"));
    }
    return workflowId;
  }

  // ---- continue-as-new

  public static <T> T newContinueAsNewStub(Class<T> workflowInterface, ContinueAsNewOptions options) {
    return rt().newContinueAsNewStub(workflowInterface, options);
  }

  public static <T> T newContinueAsNewStub(Class<T> workflowInterface) {
    return rt().newContinueAsNewStub(workflowInterface, null);
  }

  /** Ends this run and starts a new one of the same type with {@code args}; never returns. */
  public static void continueAsNew(Object... args) {
    rt().continueAsNew(null, null, args);
  }

  public static void continueAsNew(ContinueAsNewOptions options, Object... args) {
    rt().continueAsNew(null, options, args);
  }

  // ---- time

  public static long currentTimeMillis() {
    return rt().currentTimeMillis();
  }

  public static void sleep(Duration duration) {
    rt().sleep(Objects.requireNonNull(duration, "duration"));
  }

  public static void sleep(long millis) {
    rt().sleep(Duration.ofMillis(millis));
  }

  public static Promise<Void> newTimer(Duration delay) {
    return rt().newTimer(Objects.requireNonNull(delay, "delay"), null);
  }

  public static Promise<Void> newTimer(Duration delay, TimerOptions options) {
    return rt().newTimer(Objects.requireNonNull(delay, "delay"), options);
  }

  /** Blocks until {@code unblockCondition} is true; it is re-evaluated after every event. */
  public static void await(Supplier<Boolean> unblockCondition) {
    rt().await(Objects.requireNonNull(unblockCondition, "unblockCondition"));
  }

  /** Like {@link #await(Supplier)}; returns false if {@code timeout} passes first. */
  public static boolean await(Duration timeout, Supplier<Boolean> unblockCondition) {
    return rt().await(Objects.requireNonNull(timeout, "timeout"), Objects.requireNonNull(unblockCondition, "unblockCondition"));
  }

  // ---- determinism helpers

  public static UUID randomUUID() {
    return rt().randomUUID();
  }

  public static Random newRandom() {
    return rt().newRandom();
  }

  /** Runs {@code func} once and records its result; replay returns the recorded result. */
  public static <R> R sideEffect(Class<R> resultClass, Functions.Func<R> func) {
    return rt().sideEffect(resultClass, resultClass, func);
  }

  public static <R> R sideEffect(Class<R> resultClass, Type resultType, Functions.Func<R> func) {
    return rt().sideEffect(resultClass, resultType, func);
  }

  /**
   * Runs {@code func} on every call and records its result only when {@code id} has no value yet or
   * {@code updated.test(stored, fresh)} is true; returns the value recorded last. Replay does not run
   * {@code func}: it returns the values recorded at the same calls.
   */
  public static <R> R mutableSideEffect(
      String id, Class<R> resultClass, java.util.function.BiPredicate<R, R> updated, Functions.Func<R> func) {
    return rt().mutableSideEffect(id, resultClass, resultClass, updated, func);
  }

  /** As above, for a generic result type. */
  public static <R> R mutableSideEffect(String id, Class<R> resultClass, Type resultType,
      java.util.function.BiPredicate<R, R> updated, Functions.Func<R> func) {
    return rt().mutableSideEffect(id, resultClass, resultType, updated, func);
  }

  /**
   * Which side of a code change this run takes: {@code maxSupported} when first executed,
   * the recorded version on replay, {@link #DEFAULT_VERSION} for histories from before the change.
   */
  public static int getVersion(String changeId, int minSupported, int maxSupported) {
    return rt().getVersion(changeId, minSupported, maxSupported);
  }

  // ---- promises and scopes

  public static <E> CompletablePromise<E> newPromise() {
    return rt().newPromise();
  }

  public static <E> Promise<E> newPromise(E value) {
    CompletablePromise<E> p = rt().newPromise();
    p.complete(value);
    return p;
  }

  public static <E> Promise<E> newFailedPromise(Exception failure) {
    CompletablePromise<E> p = rt().newPromise();
    p.completeExceptionally(wrap(failure));
    return p;
  }

  public static CancellationScope newCancellationScope(Runnable runnable) {
    return rt().newCancellationScope(false, scope -> runnable.run());
  }

  public static CancellationScope newCancellationScope(Functions.Proc1<CancellationScope> proc) {
    return rt().newCancellationScope(false, proc);
  }

  public static CancellationScope newDetachedCancellationScope(Runnable runnable) {
    return rt().newCancellationScope(true, scope -> runnable.run());
  }

  // ---- information

  public static WorkflowInfo getInfo() {
    return rt().getInfo();
  }

  /** A logger that is silent while the workflow replays, so each line appears once. */
  public static Logger getLogger(Class<?> clazz) {
    return rt().getLogger(clazz.getName());
  }

  public static Logger getLogger(String name) {
    return rt().getLogger(name);
  }

  public static boolean isReplaying() {
    return rt().isReplaying();
  }

  public static <R> R getLastCompletionResult(Class<R> resultClass) {
    return rt().getLastCompletionResult(resultClass, resultClass);
  }

  public static <R> R getLastCompletionResult(Class<R> resultClass, Type resultType) {
    return rt().getLastCompletionResult(resultClass, resultType);
  }

  public static <T> T getMemo(String key, Class<T> valueClass) {
    return rt().getMemo(key, valueClass, valueClass);
  }

  public static <T> T getMemo(String key, Class<T> valueClass, Type valueType) {
    return rt().getMemo(key, valueClass, valueType);
  }

  public static SearchAttributes getTypedSearchAttributes() {
    return rt().getTypedSearchAttributes();
  }

  public static void upsertTypedSearchAttributes(SearchAttributeUpdate<?>... updates) {
    rt().upsertTypedSearchAttributes(updates);
  }

  /**
   * Untyped form, as Temporal's deprecated {@code upsertSearchAttributes}: values are strings, numbers,
   * booleans or lists of strings; a null value unsets the attribute.
   */
  public static void upsertSearchAttributes(java.util.Map<String, ?> searchAttributes) {
    rt().upsertSearchAttributes(searchAttributes);
  }

  public static void registerListener(Object listener) {
    rt().registerListener(listener);
  }

  public static boolean isEveryHandlerFinished() {
    return rt().isEveryHandlerFinished();
  }

  /** Checked exceptions become unchecked, as Temporal's {@code Workflow.wrap}. */
  public static RuntimeException wrap(Exception e) {
    if (e instanceof RuntimeException re) {
      return re;
    }
    return new WrappedCheckedException(e);
  }

  /** Carries a checked exception through workflow code. */
  static final class WrappedCheckedException extends RuntimeException {
    WrappedCheckedException(Exception cause) {
      super(cause);
    }
  }
}
