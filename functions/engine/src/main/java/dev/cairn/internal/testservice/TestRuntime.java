package dev.cairn.internal.testservice;

import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.client.ActivityNotExistsException;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.replay.ReplayEngine;
import dev.cairn.internal.service.TaskDispatcher;
import dev.cairn.internal.service.WorkflowService;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.PendingActivity;
import dev.cairn.internal.store.Task;
import dev.cairn.internal.worker.ActivityOutcome;
import dev.cairn.internal.worker.ActivityTaskExecutor;
import dev.cairn.internal.worker.HeartbeatSink;
import dev.cairn.internal.worker.WorkerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole engine in one process with in-memory queues: the same WorkflowService and replay engine
 * as the serverless runtime, with a clock that skips ahead to the next due task whenever nothing is
 * running and someone waits for a result (Temporal's time skipping).
 */
public final class TestRuntime implements TaskDispatcher, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TestRuntime.class);

  private final SkippableClock clock;
  private final WorkerRegistry registry = new WorkerRegistry();
  private final WorkflowService service;
  private final ActivityTaskExecutor executor;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final List<Task.ActivityTask> waitingForWorker = new ArrayList<>();
  private final Map<String, Task.ActivityTask> runningAttempts = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastHeartbeat = new ConcurrentHashMap<>();
  private final AtomicLong seq = new AtomicLong();
  private final ExecutorService pool;
  private final Map<String, java.util.concurrent.Semaphore> activitySlots = new java.util.concurrent.ConcurrentHashMap<>();
  private final Thread dispatcher;
  private final String namespace;
  private int inFlight;
  private int skipUnlocks;
  private int runningActivities;
  private long changes;
  private volatile boolean started;
  private volatile boolean closed;

  /** A queued task, or a test's delayed callback (then {@code task} is null). */
  private record Entry(Instant visibleAt, long seq, Task task, Runnable callback) implements Comparable<Entry> {
    Entry(Instant visibleAt, long seq, Task task) {
      this(visibleAt, seq, task, null);
    }

    @Override
    public int compareTo(Entry o) {
      int c = visibleAt.compareTo(o.visibleAt);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  public TestRuntime(String namespace, DataConverter dataConverter) {
    this(namespace, dataConverter, Instant.now());
  }

  /** A runtime whose test clock starts at {@code initialTime} (Temporal's {@code setInitialTime}). */
  public TestRuntime(String namespace, DataConverter dataConverter, Instant initialTime) {
    this.namespace = namespace;
    this.clock = new SkippableClock(initialTime);
    this.executor = new ActivityTaskExecutor(registry, dataConverter, namespace);
    this.service = new WorkflowService(namespace, new InMemoryHistoryStore(clock), this,
        new ReplayEngine(registry.workflows(), dataConverter, executor.localActivities(clock)), clock,
        () -> UUID.randomUUID().toString());
    this.pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "cairn-test-task");
      t.setDaemon(true);
      return t;
    });
    this.dispatcher = new Thread(this::dispatchLoop, "cairn-test-dispatcher");
    this.dispatcher.setDaemon(true);
  }

  public WorkerRegistry registry() {
    return registry;
  }

  public WorkflowService service() {
    return service;
  }

  public SkippableClock clock() {
    return clock;
  }

  public String namespace() {
    return namespace;
  }

  /** Starts processing tasks; workers must be registered before. Idempotent. */
  public synchronized void start() {
    if (!started) {
      started = true;
      dispatcher.start();
    }
    lock.lock();
    try {
      List<Task.ActivityTask> retry = new ArrayList<>(waitingForWorker);
      waitingForWorker.clear();
      for (Task.ActivityTask t : retry) {
        queue.add(new Entry(clock.instant(), seq.incrementAndGet(), t));
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public boolean isStarted() {
    return started;
  }

  @Override
  public void send(List<OutboxTask> tasks) {
    lock.lock();
    try {
      for (OutboxTask t : tasks) {
        // schedule-to-start and schedule-to-close checks arrive here as committed ActivityTimeoutTasks
        queue.add(new Entry(t.visibleAt(), seq.incrementAndGet(), t.task()));
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void schedule(Task task, Instant at) {
    queue.add(new Entry(at, seq.incrementAndGet(), task));
  }

  private void dispatchLoop() {
    while (!closed) {
      Entry due = null;
      lock.lock();
      try {
        Entry next = queue.peek();
        Instant now = clock.instant();
        if (next != null && !next.visibleAt.isAfter(now)) {
          due = queue.poll();
          inFlight++;
        } else if (next != null && inFlight == 0 && skipUnlocks > 0) {
          if (dropIfStale(next)) {
            continue;
          }
          clock.skipTo(next.visibleAt);
          continue;
        } else {
          long waitMs = next == null ? 50 : Math.max(1, Math.min(50, Duration.between(now, next.visibleAt).toMillis()));
          changed.await(waitMs, TimeUnit.MILLISECONDS);
          continue;
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      Entry task = due;
      pool.execute(() -> {
        if (task.callback != null) {
          runCallback(task.callback);
        } else {
          process(task.task);
        }
      });
    }
  }

  /**
   * Removes the head entry if it can no longer do anything (a timeout check of an activity or attempt
   * that has ended, a cancelled or fired timer, an activity task of an attempt that is over), so
   * time never skips to it. Staleness never reverts, so dropping early is safe. Holds {@link #lock}.
   */
  private boolean dropIfStale(Entry head) {
    if (head.task == null || !isStale(head.task)) { // a test's delayed callback is never stale
      return false;
    }
    queue.remove(head);
    return true;
  }

  private boolean isStale(Task task) {
    return switch (task) {
      case Task.DecisionTask d -> false;
      case Task.TimerTask t -> service.store().get(t.key()).filter(ExecutionRecord::isOpen)
          .map(r -> !r.state().timers().containsKey(t.timerId())).orElse(true);
      case Task.ActivityTask a -> pending(a.key(), a.scheduledEventId()).map(pa -> pa.attempt() != a.attempt()).orElse(true);
      case Task.ActivityTimeoutTask t -> !isLive(t);
      case Task.WorkflowTimeoutTask t -> service.store().get(t.key()).map(r -> !r.isOpen()).orElse(true);
      case Task.StartChildTask t -> false;
      case Task.ChildClosedTask t -> false;
      case Task.CancelChildTask t -> false;
      case Task.ParentClosedTask t -> false;
      case Task.SignalExternalTask t -> false;
      case Task.CancelExternalTask t -> false;
    };
  }

  /** Whether a timeout check could still time its activity out (see {@link #checkTimeout}). */
  private boolean isLive(Task.ActivityTimeoutTask t) {
    Optional<PendingActivity> pa = pending(t.key(), t.scheduledEventId());
    if (pa.isEmpty()) {
      return false;
    }
    int attempt = pa.get().attempt();
    Task.ActivityTask running = runningAttempts.get(attemptKey(t.key(), t.scheduledEventId()));
    return switch (t.timeoutType()) {
      case TIMEOUT_TYPE_SCHEDULE_TO_CLOSE -> true;
      case TIMEOUT_TYPE_SCHEDULE_TO_START -> running == null && attempt == 1;
      default -> running != null && running.attempt() == t.attempt() && attempt == t.attempt();
    };
  }

  private void process(Task task) {
    try {
      switch (task) {
        case Task.DecisionTask d -> service.handleDecisionTask(d.key());
        case Task.TimerTask t -> service.fireTimer(t);
        case Task.ActivityTask a -> runActivityInRealTime(a);
        case Task.ActivityTimeoutTask t -> checkTimeout(t);
        case Task.WorkflowTimeoutTask t -> service.timeoutWorkflow(t);
        case Task.StartChildTask t -> service.handleChildTask(t);
        case Task.ChildClosedTask t -> service.handleChildTask(t);
        case Task.CancelChildTask t -> service.handleChildTask(t);
        case Task.ParentClosedTask t -> service.handleChildTask(t);
        case Task.SignalExternalTask t -> service.handleExternalTask(t);
        case Task.CancelExternalTask t -> service.handleExternalTask(t);
      }
    } catch (WorkflowService.DecisionFailedException e) {
      // logged by the service; the run stays open and the next event retries the decision
    } catch (RuntimeException e) {
      if (!closed) {
        log.error("task {} failed", task, e);
      }
    } finally {
      lock.lock();
      try {
        inFlight--;
        changes++;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Runs {@code callback} once test time has advanced by {@code delay}; time skipping jumps to it
   * as to any due task, so a test can signal a workflow that waits "an hour" without waiting.
   */
  public void registerDelayedCallback(Duration delay, Runnable callback) {
    lock.lock();
    try {
      queue.add(new Entry(clock.instant().plus(delay), seq.incrementAndGet(), null, callback));
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void runCallback(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      log.error("delayed callback failed", e);
    } finally {
      lock.lock();
      try {
        inFlight--;
        changes++;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * A worker on {@code taskQueue} whose registrations this runtime runs. Its
   * {@code WorkerOptions.setMaxConcurrentActivityExecutionSize} caps the activities of that queue
   * that run at once (0: no cap).
   */
  public dev.cairn.worker.Worker newWorker(String taskQueue, dev.cairn.worker.WorkerOptions options) {
    dev.cairn.worker.Worker worker = new dev.cairn.worker.Worker(taskQueue, options, registry());
    int max = worker.getOptions().getMaxConcurrentActivityExecutionSize();
    if (max > 0) {
      activitySlots.put(taskQueue, new java.util.concurrent.Semaphore(max, true));
    } else {
      activitySlots.remove(taskQueue);
    }
    return worker;
  }

  private void runActivityInRealTime(Task.ActivityTask a) {
    java.util.concurrent.Semaphore slots = activitySlots.get(a.taskQueue());
    if (slots != null) {
      // A task waiting for a slot has not started: its schedule-to-start timeout still runs, as with a busy worker.
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // the runtime is closing
      }
    }
    changeRunningActivities(1);
    try {
      runActivity(a);
    } finally {
      changeRunningActivities(-1);
      if (slots != null) {
        slots.release();
      }
    }
  }

  private void changeRunningActivities(int delta) {
    lock.lock();
    try {
      runningActivities += delta;
      updateClockMode();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Test time stands still while a test waits with time skipping and no activity runs, so a timer
   * wakes its workflow at exactly its due time; an activity runs in real time, so its timeouts come.
   */
  private void updateClockMode() {
    if (skipUnlocks > 0 && runningActivities == 0) {
      clock.freeze();
    } else {
      clock.unfreeze();
    }
  }

  private static String attemptKey(ExecutionKey key, long scheduledEventId) {
    return key + "#" + scheduledEventId;
  }

  private Optional<PendingActivity> pending(ExecutionKey key, long scheduledEventId) {
    return service.store().get(key).filter(ExecutionRecord::isOpen)
        .map(r -> r.state().activities().get(scheduledEventId));
  }

  private void runActivity(Task.ActivityTask a) {
    Optional<PendingActivity> pa = pending(a.key(), a.scheduledEventId());
    if (pa.isEmpty() || pa.get().attempt() != a.attempt()) {
      return; // stale: an earlier attempt's duplicate, or the activity already closed
    }
    if (registry.activity(a.taskQueue(), a.activityType()).isEmpty() && !registry.servesActivityQueue(a.taskQueue())) {
      lock.lock();
      try {
        waitingForWorker.add(a);
      } finally {
        lock.unlock();
      }
      return;
    }
    if (pa.get().cancelRequested()) {
      service.reportActivityCanceled(a.key(), a.scheduledEventId(), a.attempt(), null);
      return;
    }
    Instant startedAt = clock.instant();
    String k = attemptKey(a.key(), a.scheduledEventId());
    runningAttempts.put(k, a);
    lastHeartbeat.put(k, startedAt);
    lock.lock();
    try {
      if (a.startToCloseTimeout() != null) {
        schedule(new Task.ActivityTimeoutTask(a.key(), a.scheduledEventId(), a.attempt(), TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE),
            startedAt.plus(a.startToCloseTimeout()));
      }
      if (a.heartbeatTimeout() != null) {
        schedule(new Task.ActivityTimeoutTask(a.key(), a.scheduledEventId(), a.attempt(), TimeoutType.TIMEOUT_TYPE_HEARTBEAT),
            startedAt.plus(a.heartbeatTimeout()));
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    HeartbeatSink sink = new HeartbeatSink() {
      @Override
      public boolean heartbeat(Payloads details) {
        lastHeartbeat.put(k, clock.instant());
        try {
          return service.heartbeat(a.key(), a.scheduledEventId(), a.attempt(), details);
        } catch (WorkflowService.StaleActivityException e) {
          throw new ActivityNotExistsException(e);
        }
      }

      @Override
      public Optional<Payloads> lastDetails() {
        return pending(a.key(), a.scheduledEventId()).map(PendingActivity::heartbeatDetails);
      }
    };
    ActivityOutcome outcome = executor.execute(a, sink, startedAt);
    if (!(outcome instanceof ActivityOutcome.CompletedLater)) {
      // An attempt completed later through ActivityCompletionClient is still running: its
      // start-to-close and heartbeat timeouts still apply.
      runningAttempts.remove(k, a);
    }
    switch (outcome) {
      case ActivityOutcome.Completed c -> service.completeActivity(a.key(), a.scheduledEventId(), a.attempt(), c.result(), "test-worker");
      case ActivityOutcome.Failed f -> service.failActivity(a.key(), a, f.failure(), "test-worker");
      case ActivityOutcome.Canceled c -> service.reportActivityCanceled(a.key(), a.scheduledEventId(), a.attempt(), c.details());
      case ActivityOutcome.CompletedLater l -> { }
    }
  }

  private void checkTimeout(Task.ActivityTimeoutTask t) {
    Optional<PendingActivity> pa = pending(t.key(), t.scheduledEventId());
    if (pa.isEmpty()) {
      return;
    }
    int attempt = pa.get().attempt();
    String k = attemptKey(t.key(), t.scheduledEventId());
    Task.ActivityTask running = runningAttempts.get(k);
    switch (t.timeoutType()) {
      case TIMEOUT_TYPE_SCHEDULE_TO_CLOSE -> service.timeoutActivity(t.key(), taskFor(t, running), attempt, t.timeoutType());
      case TIMEOUT_TYPE_SCHEDULE_TO_START -> {
        if (running == null && attempt == 1) {
          service.timeoutActivity(t.key(), taskFor(t, null), attempt, t.timeoutType());
        }
      }
      case TIMEOUT_TYPE_HEARTBEAT -> {
        if (running == null || running.attempt() != t.attempt() || attempt != t.attempt()) {
          return;
        }
        Instant deadline = lastHeartbeat.getOrDefault(k, Instant.EPOCH).plus(running.heartbeatTimeout());
        if (clock.instant().isBefore(deadline)) {
          lock.lock();
          try {
            schedule(t, deadline);
          } finally {
            lock.unlock();
          }
        } else {
          runningAttempts.remove(k, running);
          service.timeoutActivity(t.key(), running, attempt, t.timeoutType());
        }
      }
      default -> {
        if (running != null && running.attempt() == t.attempt() && attempt == t.attempt()) {
          runningAttempts.remove(k, running);
          service.timeoutActivity(t.key(), running, attempt, t.timeoutType());
        }
      }
    }
  }

  /** The activity task of a timed-out activity, rebuilt from history when no attempt is running. */
  private Task.ActivityTask taskFor(Task.ActivityTimeoutTask t, Task.ActivityTask running) {
    if (running != null) {
      return running;
    }
    return service.pendingActivityTask(t.key(), t.scheduledEventId(), 1).orElseThrow(() ->
        new IllegalStateException("no pending activity scheduled by event " + t.scheduledEventId()));
  }

  /** Blocks until {@code done} holds, letting time skip while waiting if {@code skipTime}. */
  public boolean await(BooleanSupplier done, Duration realTimeout, boolean skipTime) throws InterruptedException {
    long deadline = System.nanoTime() + realTimeout.toNanos();
    lock.lock();
    try {
      if (skipTime) {
        skipUnlocks++;
        updateClockMode();
        changed.signalAll();
      }
      try {
        while (!done.getAsBoolean()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)), TimeUnit.NANOSECONDS);
        }
        return true;
      } finally {
        if (skipTime) {
          skipUnlocks--;
          updateClockMode();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Advances test time by {@code d}, running everything that falls due on the way. */
  public void sleep(Duration d) throws InterruptedException {
    Instant target = clock.instant().plus(d);
    while (true) {
      lock.lock();
      try {
        while (inFlight > 0 || (queue.peek() != null && !queue.peek().visibleAt.isAfter(clock.instant()))) {
          changed.await(20, TimeUnit.MILLISECONDS);
        }
        Entry next = queue.peek();
        if (next != null && dropIfStale(next)) {
          continue;
        }
        if (next != null && !next.visibleAt.isAfter(target)) {
          clock.skipTo(next.visibleAt);
          changed.signalAll();
          changed.await(5, TimeUnit.MILLISECONDS);
          continue;
        }
        clock.skipTo(target);
        changed.signalAll();
        return;
      } finally {
        lock.unlock();
      }
    }
  }

  /** Whether no task is running and none is due: the system is waiting for time or input. */
  public boolean isIdle() {
    lock.lock();
    try {
      Entry next = queue.peek();
      return inFlight == 0 && (next == null || next.visibleAt.isAfter(clock.instant()));
    } finally {
      lock.unlock();
    }
  }

  public String diagnostics() {
    lock.lock();
    try {
      return "time=" + clock.instant() + ", queued=" + queue.size() + ", running=" + inFlight
          + ", waitingForWorker=" + waitingForWorker.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    dispatcher.interrupt();
    pool.shutdownNow();
  }
}
