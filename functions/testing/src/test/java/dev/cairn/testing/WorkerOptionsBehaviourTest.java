package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;
import dev.cairn.worker.WorkflowImplementationOptions;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WorkflowImplementationOptions.setFailWorkflowExceptionTypes, WorkerOptions' activity cap, Worker.getTaskQueue. */
class WorkerOptionsBehaviourTest {
  static final String TASK_QUEUE = "worker-options";

  /** Thrown by workflow code when an order cannot be valid: a business outcome, not a bug. */
  public static class InvalidOrderException extends RuntimeException {
    public InvalidOrderException(String message) {
      super(message);
    }
  }

  @WorkflowInterface
  public interface ValidatingWorkflow {
    @WorkflowMethod
    String validate(String order);
  }

  public static class ValidatingWorkflowImpl implements ValidatingWorkflow {
    @Override
    public String validate(String order) {
      throw new InvalidOrderException("order " + order + " has no lines");
    }
  }

  @ActivityInterface
  public interface Packing {
    String pack(String parcel);
  }

  /** Records how many packings run at once; each waits (bounded) for a second one to overlap with. */
  public static class PackingImpl implements Packing {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    final AtomicInteger started = new AtomicInteger();
    final int total;

    PackingImpl(int total) {
      this.total = total;
    }

    @Override
    public String pack(String parcel) {
      int now = running.incrementAndGet();
      started.incrementAndGet();
      maxRunning.accumulateAndGet(now, Math::max);
      Instant deadline = Instant.now().plusSeconds(10);
      // Waits until another packing runs beside it (or none is left to start), so overlap is certain.
      while (running.get() < 2 && started.get() < total && Instant.now().isBefore(deadline)) {
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
      maxRunning.accumulateAndGet(running.get(), Math::max);
      running.decrementAndGet();
      return parcel + ":packed";
    }
  }

  @WorkflowInterface
  public interface PackingWorkflow {
    @WorkflowMethod
    List<String> packAll(int parcels);
  }

  public static class PackingWorkflowImpl implements PackingWorkflow {
    private final Packing packing = Workflow.newActivityStub(Packing.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

    @Override
    public List<String> packAll(int parcels) {
      List<Promise<String>> packed = new ArrayList<>();
      for (int i = 1; i <= parcels; i++) {
        packed.add(Async.function(packing::pack, "p" + i));
      }
      return packed.stream().map(Promise::get).toList();
    }
  }

  private TestWorkflowEnvironment testEnv;

  @BeforeEach
  void setUp() {
    testEnv = TestWorkflowEnvironment.newInstance();
  }

  @AfterEach
  void tearDown() {
    testEnv.close();
  }

  private ValidatingWorkflow validating(String workflowId) {
    return testEnv.getWorkflowClient().newWorkflowStub(ValidatingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(workflowId).build());
  }

  @Test
  void registerWorkflowImplementationTypes_shouldFailTheWorkflow_whenTheThrownTypeIsAFailWorkflowExceptionType() {
    Worker worker = testEnv.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
        .setFailWorkflowExceptionTypes(InvalidOrderException.class).build(), ValidatingWorkflowImpl.class);
    testEnv.start();

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> validating("validate-fails").validate("o-1"));

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, e.getCause());
    assertEquals(InvalidOrderException.class.getName(), cause.getType());
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
        testEnv.getWorkflowClient().fetchHistory("validate-fails").getLastEvent().getEventType());
  }

  @Test
  void registerWorkflowImplementationTypes_shouldKeepTheRunOpen_whenTheThrownTypeIsNotListed() {
    Worker worker = testEnv.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(ValidatingWorkflowImpl.class);
    testEnv.start();
    WorkflowClient.start(validating("validate-blocks")::validate, "o-2");

    WorkflowStub stub = testEnv.getWorkflowClient().newUntypedWorkflowStub("validate-blocks");
    assertThrows(TimeoutException.class, () -> stub.getResult(2, TimeUnit.SECONDS, String.class));

    assertNotEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
        testEnv.getWorkflowClient().fetchHistory("validate-blocks").getLastEvent().getEventType(),
        "a failing workflow task leaves the run open for a fix, as in Temporal");
    stub.terminate("test done");
  }

  @Test
  void newWorker_shouldRunAtMostMaxConcurrentActivities_whenMoreAreScheduledAtOnce() {
    Worker worker = testEnv.newWorker(TASK_QUEUE,
        WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(2).build());
    PackingImpl packing = new PackingImpl(5);
    worker.registerWorkflowImplementationTypes(PackingWorkflowImpl.class);
    worker.registerActivitiesImplementations(packing);
    testEnv.start();

    List<String> packed = testEnv.getWorkflowClient().newWorkflowStub(PackingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).build()).packAll(5);

    assertEquals(List.of("p1:packed", "p2:packed", "p3:packed", "p4:packed", "p5:packed"), packed);
    assertEquals(2, packing.maxRunning.get(), "two at once, never more");
    assertEquals(TASK_QUEUE, worker.getTaskQueue());
  }
}
