package dev.cairn.testing;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;
import dev.cairn.worker.WorkflowImplementationOptions;
import dev.cairn.workflow.WorkflowInterface;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension that gives each test method its own {@link TestWorkflowEnvironment} and worker
 * (on a task queue of its own) and injects into test method parameters the environment, the
 * {@link WorkflowClient}, the {@link Worker}, {@link WorkflowOptions} naming the task queue, and a
 * stub of any {@code @WorkflowInterface}. Temporal's {@code TestWorkflowExtension}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
 *     .registerWorkflowImplementationTypes(GreetingWorkflowImpl.class)
 *     .setActivityImplementations(new GreetingActivitiesImpl()).build();
 *
 * @Test
 * void greets(GreetingWorkflow workflow) { assertEquals("Hello World!", workflow.getGreeting("World")); }
 * }</pre>
 */
public class TestWorkflowExtension implements ParameterResolver, TestWatcher, BeforeEachCallback, AfterEachCallback {
  private final Map<Class<?>, WorkflowImplementationOptions> workflowTypes;
  private final Object[] activityImplementations;
  private final WorkerOptions workerOptions;
  private final String namespace;
  private final boolean doNotStart;
  private final boolean useTimeskipping;
  private final long initialTimeMillis;

  /** What one test method got; kept in the method's store so parallel methods do not share it. */
  private record PerTest(TestWorkflowEnvironment environment, Worker worker, WorkflowOptions workflowOptions) {}

  private TestWorkflowExtension(Builder b) {
    this.workflowTypes = new LinkedHashMap<>(b.workflowTypes);
    this.activityImplementations = b.activityImplementations;
    this.workerOptions = b.workerOptions;
    this.namespace = b.namespace;
    this.doNotStart = b.doNotStart;
    this.useTimeskipping = b.useTimeskipping;
    this.initialTimeMillis = b.initialTimeMillis;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    long initialTime = context.getElement()
        .flatMap(e -> Arrays.stream(e.getAnnotationsByType(WorkflowInitialTime.class)).findFirst())
        .map(a -> Instant.parse(a.value()).toEpochMilli())
        .orElse(initialTimeMillis);
    TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setNamespace(namespace).setUseTimeskipping(useTimeskipping).setInitialTimeMillis(initialTime).build());
    String taskQueue = "WorkflowTest-" + context.getDisplayName() + "-" + context.getUniqueId();
    Worker worker = environment.newWorker(taskQueue, workerOptions);
    workflowTypes.forEach((type, options) -> worker.registerWorkflowImplementationTypes(options, type));
    worker.registerActivitiesImplementations(activityImplementations);
    if (!doNotStart) {
      environment.start();
    }
    store(context).put(PerTest.class, new PerTest(environment, worker,
        WorkflowOptions.newBuilder().setTaskQueue(taskQueue).build()));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    PerTest t = perTest(context);
    if (t != null) {
      t.environment().close();
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    PerTest t = perTest(context);
    if (t != null) {
      System.err.println("Test environment at failure: " + t.environment().getDiagnostics());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Parameter parameter = parameterContext.getParameter();
    if (parameter.getDeclaringExecutable() instanceof Constructor) {
      return false; // as in Temporal: the environment exists per test method, not per instance
    }
    Class<?> type = parameter.getType();
    return type == TestWorkflowEnvironment.class || type == WorkflowClient.class || type == WorkflowOptions.class
        || type == Worker.class || (type.isInterface() && type.isAnnotationPresent(WorkflowInterface.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    PerTest t = perTest(extensionContext);
    Class<?> type = parameterContext.getParameter().getType();
    if (type == TestWorkflowEnvironment.class) {
      return t.environment();
    } else if (type == WorkflowClient.class) {
      return t.environment().getWorkflowClient();
    } else if (type == WorkflowOptions.class) {
      return t.workflowOptions();
    } else if (type == Worker.class) {
      return t.worker();
    }
    return t.environment().getWorkflowClient().newWorkflowStub(type, t.workflowOptions());
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(ExtensionContext.Namespace.create(TestWorkflowExtension.class, context.getRequiredTestMethod()));
  }

  private static PerTest perTest(ExtensionContext context) {
    return store(context).get(PerTest.class, PerTest.class);
  }

  public static class Builder {
    private final Map<Class<?>, WorkflowImplementationOptions> workflowTypes = new LinkedHashMap<>();
    private Object[] activityImplementations = new Object[0];
    private WorkerOptions workerOptions = WorkerOptions.getDefaultInstance();
    private String namespace = "UnitTest";
    private boolean doNotStart;
    private boolean useTimeskipping = true;
    private long initialTimeMillis;

    private Builder() {}

    public Builder registerWorkflowImplementationTypes(Class<?>... types) {
      return registerWorkflowImplementationTypes(WorkflowImplementationOptions.getDefaultInstance(), types);
    }

    public Builder registerWorkflowImplementationTypes(WorkflowImplementationOptions options, Class<?>... types) {
      for (Class<?> type : types) {
        workflowTypes.put(type, options);
      }
      return this;
    }

    /** @deprecated as in Temporal: use {@link #registerWorkflowImplementationTypes(Class[])}. */
    @Deprecated
    public Builder setWorkflowTypes(Class<?>... types) {
      return registerWorkflowImplementationTypes(types);
    }

    /** @deprecated as in Temporal: use {@link #registerWorkflowImplementationTypes(WorkflowImplementationOptions, Class[])}. */
    @Deprecated
    public Builder setWorkflowTypes(WorkflowImplementationOptions options, Class<?>... types) {
      return registerWorkflowImplementationTypes(options, types);
    }

    public Builder setActivityImplementations(Object... activityImplementations) {
      this.activityImplementations = activityImplementations;
      return this;
    }

    public Builder setWorkerOptions(WorkerOptions workerOptions) {
      this.workerOptions = workerOptions;
      return this;
    }

    public Builder setNamespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** Leaves {@code TestWorkflowEnvironment.start()} to the test, which registers more first. */
    public Builder setDoNotStart(boolean doNotStart) {
      this.doNotStart = doNotStart;
      return this;
    }

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

    public TestWorkflowExtension build() {
      return new TestWorkflowExtension(this);
    }
  }
}
