package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityMethod;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.testing.Greetings.GreetingActivities;
import dev.cairn.testing.Greetings.GreetingWorkflow;
import dev.cairn.testing.Greetings.GreetingWorkflowImpl;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JUnit 5, as Temporal users write it with TestWorkflowExtension and Mockito. */
class TestWorkflowExtensionTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflowExtension = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(GreetingWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  @Test
  void getGreeting_shouldReturnMockedGreeting_whenStubAndWorkerInjected(TestWorkflowEnvironment testEnv, Worker worker,
      GreetingWorkflow workflow) {
    GreetingActivities activities = mock(GreetingActivities.class);
    when(activities.composeGreeting("Hello", "World")).thenReturn("Hello World!");
    worker.registerActivitiesImplementations(activities);
    testEnv.start();

    assertEquals("Hello World!", workflow.getGreeting("World"));
    verify(activities).composeGreeting("Hello", "World");
  }

  @Test
  void injectedOptions_shouldNameTheWorkersTaskQueue_whenClientInjected(WorkflowClient client, WorkflowOptions options,
      Worker worker, TestWorkflowEnvironment testEnv) {
    worker.registerActivitiesImplementations(new Greetings.GreetingActivitiesImpl());
    testEnv.start();

    assertEquals(worker.getTaskQueue(), options.getTaskQueue());
    GreetingWorkflow workflow = client.newWorkflowStub(GreetingWorkflow.class,
        WorkflowOptions.newBuilder(options).setWorkflowId("by-injected-client").build());
    assertEquals("Hello Eve!", workflow.getGreeting("Eve"));
  }

  @Test
  @WorkflowInitialTime("2030-05-01T10:00:00Z")
  void currentTimeMillis_shouldStartAtAnnotatedTime_whenWorkflowInitialTimeSet(TestWorkflowEnvironment testEnv) {
    long start = Instant.parse("2030-05-01T10:00:00Z").toEpochMilli();

    long now = testEnv.currentTimeMillis();

    assertTrue(now >= start && now < start + 60_000, "now=" + Instant.ofEpochMilli(now));
  }

  @WorkflowInterface
  public interface OrderWorkflow {
    @WorkflowMethod
    String placeOrder(String item);
  }

  @Test
  void registerWorkflowImplementationFactory_shouldRunMockedWorkflow_whenFactoryReturnsMock(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowOptions options, WorkflowClient client) {
    OrderWorkflow mocked = mock(OrderWorkflow.class);
    when(mocked.placeOrder("book")).thenReturn("order for book");
    worker.registerWorkflowImplementationFactory(OrderWorkflow.class, () -> mocked);
    testEnv.start();

    OrderWorkflow workflow = client.newWorkflowStub(OrderWorkflow.class, options);

    assertEquals("order for book", workflow.placeOrder("book"));
    verify(mocked).placeOrder("book");
  }

  @ActivityInterface
  public interface Shipping {
    void ship(String order);
  }

  static class ShippingWithImplementationAnnotation implements Shipping {
    @ActivityMethod
    @Override
    public void ship(String order) {}
  }

  @Test
  void registerActivitiesImplementations_shouldRejectClass_whenImplementationCarriesActivityMethod(Worker worker) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> worker.registerActivitiesImplementations(new ShippingWithImplementationAnnotation()));

    assertTrue(e.getMessage().contains("@ActivityMethod"), e.getMessage());
  }
}
