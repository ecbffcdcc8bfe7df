package dev.cairn.lambda;

import dev.cairn.internal.service.HistoryLimits;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.aws.s3.PayloadOffload;
import dev.cairn.internal.aws.sqs.MessageVisibility;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.service.TaskDispatcher;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.worker.ActivityTaskExecutor;
import dev.cairn.internal.worker.WorkerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every handler runs on: the history store, the task dispatcher, the registered workers and the
 * workflow service over them. Lambda builds one per container from its environment
 * ({@link #fromEnvironment()}, used by the handlers' no-arg constructors); the local runtime and
 * tests build theirs with {@link #newBuilder()} and pass it to the handlers' other constructor.
 */
public final class CairnRuntime {
  public static final String NAMESPACE = "default";

  private final HistoryStore store;
  private final TaskDispatcher dispatcher;
  private final WorkerRegistry workers;
  private final DataConverter dataConverter;
  private final Clock clock;
  private final WorkflowService service;
  private final ActivityTaskExecutor activities;
  private final String defaultTaskQueue;
  private final Supplier<String> ids;
  private final PayloadOffload payloads;
  private final MessageVisibility visibility;
  private final boolean logPayloads;
  private final Duration sweepGrace;

  private CairnRuntime(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store");
    this.dispatcher = Objects.requireNonNull(b.dispatcher, "dispatcher");
    this.workers = b.workers;
    this.dataConverter = b.dataConverter;
    this.clock = b.clock;
    this.activities = new ActivityTaskExecutor(workers, dataConverter, NAMESPACE);
    // local activities run in the decision handler with the activities registered on this runtime
    this.service = new WorkflowService(NAMESPACE, store, dispatcher,
        new ReplayEngine(workers.workflows(), dataConverter, activities.localActivities(clock)),
        clock, b.ids, b.historyLimits);
    this.defaultTaskQueue = b.defaultTaskQueue;
    this.ids = b.ids;
    this.payloads = b.payloads;
    this.visibility = b.visibility;
    this.logPayloads = b.logPayloads;
    this.sweepGrace = b.sweepGrace;
  }

  /**
   * The runtime of a Lambda container, built once from its environment (template.yaml's variables)
   * and shared by every handler instance of the container; see {@link LambdaEnvironment}.
   */
  public static CairnRuntime fromEnvironment() {
    return LambdaEnvironment.runtime();
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public HistoryStore store() { return store; }
  public TaskDispatcher dispatcher() { return dispatcher; }
  public WorkerRegistry workers() { return workers; }
  public DataConverter dataConverter() { return dataConverter; }
  public Clock clock() { return clock; }
  public WorkflowService service() { return service; }
  public ActivityTaskExecutor activities() { return activities; }
  /** The task queue of a start request that names none. */
  public String defaultTaskQueue() { return defaultTaskQueue; }
  /** Ids for workflows started without one, and for tasks. */
  public Supplier<String> ids() { return ids; }
  /** Where message bodies over the queue's limit go (S3), and how a consumer reads them back. */
  public PayloadOffload payloads() { return payloads; }
  /** Holds an activity's message for its attempt's timeout. */
  public MessageVisibility visibility() { return visibility; }
  /** Whether logs may show payloads (LOG_PAYLOADS; off by default, invariant 9). */
  public boolean logPayloads() { return logPayloads; }
  /** How long a committed task may stay unsent before the sweeper re-sends it (default one minute). */
  public Duration sweepGrace() { return sweepGrace; }

  /** Builds a runtime; store and dispatcher are required. */
  public static final class Builder {
    private HistoryStore store;
    private TaskDispatcher dispatcher;
    private final WorkerRegistry workers = new WorkerRegistry();
    private DataConverter dataConverter = GlobalDataConverter.get();
    private Clock clock = Clock.systemUTC();
    private Supplier<String> ids = () -> UUID.randomUUID().toString();
    private String defaultTaskQueue = "default";
    private PayloadOffload payloads = PayloadOffload.inlineOnly(PayloadOffload.SQS_MESSAGE_LIMIT);
    private MessageVisibility visibility = MessageVisibility.NONE;
    private boolean logPayloads;
    private HistoryLimits historyLimits = HistoryLimits.DEFAULT;
    private Duration sweepGrace = Duration.ofMinutes(1);

    public Builder setStore(HistoryStore store) { this.store = store; return this; }
    public Builder setDispatcher(TaskDispatcher dispatcher) { this.dispatcher = dispatcher; return this; }
    public Builder setDataConverter(DataConverter c) { this.dataConverter = c; return this; }
    public Builder setClock(Clock clock) { this.clock = clock; return this; }
    public Builder setIds(Supplier<String> ids) { this.ids = ids; return this; }
    public Builder setDefaultTaskQueue(String taskQueue) { this.defaultTaskQueue = taskQueue; return this; }
    /** The same offload the dispatcher writes with; default: inline only, 256 KB. */
    public Builder setPayloadOffload(PayloadOffload payloads) { this.payloads = Objects.requireNonNull(payloads); return this; }
    /** Default: none (messages keep the queue's visibility timeout). Runtimes on SQS set {@code SqsMessageVisibility}. */
    public Builder setMessageVisibility(MessageVisibility v) { this.visibility = Objects.requireNonNull(v); return this; }
    public Builder setLogPayloads(boolean logPayloads) { this.logPayloads = logPayloads; return this; }
    /** When a run's history warns and when it is ended (CAIRN_HISTORY_WARN_EVENTS, CAIRN_HISTORY_MAX_EVENTS). */
    public Builder setHistoryLimits(HistoryLimits limits) { this.historyLimits = Objects.requireNonNull(limits); return this; }
    /**
     * Longer than any commit takes to reach its send; shorter only where sends are fast (the local
     * runtime on loopback), since a task re-sent while its first send is under way arrives twice.
     */
    public Builder setSweepGrace(Duration grace) {
      if (grace.isNegative() || grace.isZero()) {
        throw new IllegalArgumentException("sweep grace must be positive, got " + grace);
      }
      this.sweepGrace = grace;
      return this;
    }

    /**
     * Registers the workflows and activities of a user's registration class (what CAIRN_WORKERS
     * names: a static {@code register(Worker)} method and an optional static {@code TASK_QUEUE}), and
     * makes its task queue the default.
     */
    public Builder registerWorkersClass(String className) {
      WorkersClass w = WorkersClass.named(className);
      this.defaultTaskQueue = w.taskQueue();
      return registerWorkers(w::registerOn);
    }

    /** Registers workflows and activities, as a Temporal worker would. */
    public Builder registerWorkers(Consumer<WorkerRegistry> registration) {
      registration.accept(workers);
      return this;
    }

    public CairnRuntime build() {
      return new CairnRuntime(this);
    }
  }
}
