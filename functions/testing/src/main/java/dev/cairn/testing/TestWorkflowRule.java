package dev.cairn.testing;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.history.v1.History;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;
import dev.cairn.worker.WorkflowImplementationOptions;
import java.time.Instant;
import java.util.UUID;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * JUnit 4 rule that gives each test its own {@link TestWorkflowEnvironment} and a worker on a task
 * queue of its own, registered with the builder's workflow types and activities, started before the
 * test (unless {@code setDoNotStart(true)}) and closed after it. Temporal's {@code TestWorkflowRule}:
 *
 * <pre>{@code
 * @Rule public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
 *     .setWorkflowTypes(GreetingWorkflowImpl.class).setDoNotStart(true).build();
 * }</pre>
 */
public class TestWorkflowRule implements TestRule {
  private final Class<?>[] workflowTypes;
  private final WorkflowImplementationOptions workflowImplementationOptions;
  private final Object[] activityImplementations;
  private final WorkerOptions workerOptions;
  private final boolean doNotStart;
  private final TestWorkflowEnvironment testEnvironment;
  private String taskQueue;
  private Worker worker;

  private TestWorkflowRule(Builder b) {
    this.workflowTypes = b.workflowTypes;
    this.workflowImplementationOptions = b.workflowImplementationOptions;
    this.activityImplementations = b.activityImplementations;
    this.workerOptions = b.workerOptions;
    this.doNotStart = b.doNotStart;
    this.testEnvironment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setNamespace(b.namespace).setUseTimeskipping(b.useTimeskipping).setInitialTimeMillis(b.initialTimeMillis).build());
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public Statement apply(Statement base, Description description) {
    taskQueue = "WorkflowTest-" + description.getMethodName() + "-" + UUID.randomUUID();
    worker = testEnvironment.newWorker(taskQueue, workerOptions);
    worker.registerWorkflowImplementationTypes(workflowImplementationOptions, workflowTypes);
    worker.registerActivitiesImplementations(activityImplementations);
    return new Statement() {
      @Override
      public void evaluate() throws Throwable {
        try {
          if (!doNotStart) {
            testEnvironment.start();
          }
          base.evaluate();
        } catch (Throwable t) {
          System.err.println("Test environment at failure: " + testEnvironment.getDiagnostics());
          throw t;
        } finally {
          testEnvironment.close();
        }
      }
    };
  }

  public TestWorkflowEnvironment getTestEnvironment() {
    return testEnvironment;
  }

  /** The task queue of this test's worker: unique per test, so tests do not see each other's tasks. */
  public String getTaskQueue() {
    return taskQueue;
  }

  public WorkflowClient getWorkflowClient() {
    return testEnvironment.getWorkflowClient();
  }

  /** The worker serving {@link #getTaskQueue()}, to register more implementations (with {@code setDoNotStart}). */
  public Worker getWorker() {
    return worker;
  }

  /** @deprecated as in Temporal: use {@code getWorkflowClient().fetchHistory(workflowId, runId)}. */
  @Deprecated
  public History getHistory(WorkflowExecution execution) {
    return testEnvironment.getWorkflowExecutionHistory(execution).getHistory();
  }

  /** @deprecated as in Temporal: use {@code getWorkflowClient().fetchHistory(workflowId, runId)}. */
  @Deprecated
  public History getWorkflowExecutionHistory(WorkflowExecution execution) {
    return getHistory(execution);
  }

  /** A stub that starts {@code workflowInterface} on this test's task queue. */
  public <T> T newWorkflowStub(Class<T> workflowInterface) {
    return getWorkflowClient().newWorkflowStub(workflowInterface, optionsForTaskQueue());
  }

  public WorkflowStub newUntypedWorkflowStub(String workflowType) {
    return getWorkflowClient().newUntypedWorkflowStub(workflowType, optionsForTaskQueue());
  }

  private WorkflowOptions optionsForTaskQueue() {
    return WorkflowOptions.newBuilder().setTaskQueue(getTaskQueue()).build();
  }

  public static class Builder {
    private String namespace = "UnitTest";
    private Class<?>[] workflowTypes = new Class<?>[0];
    private WorkflowImplementationOptions workflowImplementationOptions = WorkflowImplementationOptions.getDefaultInstance();
    private Object[] activityImplementations = new Object[0];
    private WorkerOptions workerOptions = WorkerOptions.getDefaultInstance();
    private boolean doNotStart;
    private boolean useTimeskipping = true;
    private long initialTimeMillis;

    protected Builder() {}

    public Builder setNamespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder setWorkflowTypes(Class<?>... workflowTypes) {
      this.workflowTypes = workflowTypes;
      return this;
    }

    public Builder setWorkflowTypes(WorkflowImplementationOptions implementationOptions, Class<?>... workflowTypes) {
      this.workflowImplementationOptions = implementationOptions;
      this.workflowTypes = workflowTypes;
      return this;
    }

    public Builder setActivityImplementations(Object... activityImplementations) {
      this.activityImplementations = activityImplementations;
      return this;
    }

    public Builder setWorkerOptions(WorkerOptions workerOptions) {
      this.workerOptions = workerOptions;
      return this;
    }

    /** Leaves {@code getTestEnvironment().start()} to the test, which registers more first. */
    public Builder setDoNotStart(boolean doNotStart) {
      this.doNotStart = doNotStart;
      return this;
    }

    /** When true (the default), time jumps to the next timer while the test waits for a result. */
    public Builder setUseTimeskipping(boolean useTimeskipping) {
      this.useTimeskipping = useTimeskipping;
      return this;
    }

    public Builder setInitialTimeMillis(long initialTimeMillis) {
      this.initialTimeMillis = initialTimeMillis;
      return this;
    }

    public Builder setInitialTime(Instant initialTime) {
      this.initialTimeMillis = initialTime.toEpochMilli();
      return this;
    }

    public TestWorkflowRule build() {
      return new TestWorkflowRule(this);
    }
  }
}
