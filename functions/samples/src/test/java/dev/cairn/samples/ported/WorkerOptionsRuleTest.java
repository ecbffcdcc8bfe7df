package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.worker.WorkerOptions;
import dev.cairn.worker.WorkflowImplementationOptions;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.Rule;
import org.junit.Test;

/** Worker and workflow implementation options, tested with the JUnit 4 rule. */
public class WorkerOptionsRuleTest {
  /** Workflow code throws it when an order can never be valid: a business outcome, not a bug to fix. */
  public static class InvalidOrderException extends RuntimeException {
    public InvalidOrderException(String message) {
      super(message);
    }
  }

  @WorkflowInterface
  public interface OrderValidation {
    @WorkflowMethod
    String validate(String order);
  }

  public static class OrderValidationImpl implements OrderValidation {
    @Override
    public String validate(String order) {
      throw new InvalidOrderException("order " + order + " has no lines");
    }
  }

  @ActivityInterface
  public interface Printing {
    String print(String label);
  }

  /** Prints one label at a time on one printer: counts how many prints overlap. */
  public static class PrintingImpl implements Printing {
    final AtomicInteger printing = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    @Override
    public String print(String label) {
      mostAtOnce.accumulateAndGet(printing.incrementAndGet(), Math::max);
      // Holds the printer a while, so a second print started beside this one would be seen.
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(150);
      while (System.nanoTime() < until) {
        mostAtOnce.accumulateAndGet(printing.get(), Math::max);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      printing.decrementAndGet();
      return "printed " + label;
    }
  }

  @WorkflowInterface
  public interface LabelsWorkflow {
    @WorkflowMethod
    List<String> printAll(List<String> labels);
  }

  /** Schedules every label's print at once. */
  public static class LabelsWorkflowImpl implements LabelsWorkflow {
    @Override
    public List<String> printAll(List<String> labels) {
      Printing printing = Workflow.newActivityStub(Printing.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
      List<Promise<String>> printed = new ArrayList<>();
      for (String label : labels) {
        printed.add(Async.function(printing::print, label));
      }
      return printed.stream().map(Promise::get).toList();
    }
  }

  private final PrintingImpl printing = new PrintingImpl();

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkerOptions(WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(1).build())
      .setActivityImplementations(printing)
      .setDoNotStart(true)
      .build();

  private OrderValidation validation(String workflowId) {
    return testWorkflowRule.getWorkflowClient().newWorkflowStub(OrderValidation.class,
        WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
  }

  private WorkflowExecutionStatus status(String workflowId) {
    return testWorkflowRule.getWorkflowClient().listExecutions("WorkflowId = '" + workflowId + "'")
        .findFirst().orElseThrow().getStatus();
  }

  @Test
  public void setFailWorkflowExceptionTypes_shouldFailTheWorkflowWithTheException_whenWorkflowCodeThrowsIt() {
    testWorkflowRule.getWorker().registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
        .setFailWorkflowExceptionTypes(InvalidOrderException.class).build(), OrderValidationImpl.class);
    testWorkflowRule.getTestEnvironment().start();

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> validation("order-empty").validate("o-1"));

    ApplicationFailure cause = (ApplicationFailure) e.getCause();
    assertEquals(InvalidOrderException.class.getName(), cause.getType());
    assertEquals("order o-1 has no lines", cause.getOriginalMessage());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED, status("order-empty"));
  }

  @Test
  public void registerWorkflowImplementationTypes_shouldKeepRetryingTheTask_whenTheExceptionIsNotAFailType()
      throws Exception {
    testWorkflowRule.getWorker().registerWorkflowImplementationTypes(OrderValidationImpl.class);
    testWorkflowRule.getTestEnvironment().start();
    WorkflowClient.start(validation("order-stuck")::validate, "o-2");

    testWorkflowRule.getTestEnvironment().sleep(Duration.ofMinutes(10));

    assertEquals("the failing workflow task is retried, the run stays open for a fix",
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status("order-stuck"));
    WorkflowStub stub = testWorkflowRule.getWorkflowClient().newUntypedWorkflowStub("order-stuck");
    assertThrows(TimeoutException.class, () -> stub.getResult(200, TimeUnit.MILLISECONDS, String.class));
    stub.terminate("fixed by hand");
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, status("order-stuck"));
  }

  @Test
  public void setMaxConcurrentActivityExecutionSize_shouldRunOneActivityAtATime_whenTheLimitIsOne() {
    testWorkflowRule.getWorker().registerWorkflowImplementationTypes(LabelsWorkflowImpl.class);
    testWorkflowRule.getTestEnvironment().start();

    List<String> printed = testWorkflowRule.newWorkflowStub(LabelsWorkflow.class).printAll(List.of("a", "b", "c", "d"));

    assertEquals(List.of("printed a", "printed b", "printed c", "printed d"), printed);
    assertEquals("at most one print at a time", 1, printing.mostAtOnce.get());
  }

  @Test
  public void getTaskQueue_shouldBeTheRulesTaskQueue_whenTheRuleMadeTheWorker() {
    assertEquals(testWorkflowRule.getTaskQueue(), testWorkflowRule.getWorker().getTaskQueue());
  }
}
