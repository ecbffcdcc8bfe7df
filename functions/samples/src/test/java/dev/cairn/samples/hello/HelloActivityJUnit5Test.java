package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cairn.samples.hello.HelloActivity.GreetingActivities;
import dev.cairn.samples.hello.HelloActivity.GreetingActivitiesImpl;
import dev.cairn.samples.hello.HelloActivity.GreetingWorkflow;
import dev.cairn.samples.hello.HelloActivity.GreetingWorkflowImpl;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Temporal's HelloActivityJUnit5Test (TestWorkflowExtension injecting the stub) with
 * {@code io.temporal.} replaced by {@code dev.cairn.} in the imports; nothing else changed.
 */
public class HelloActivityJUnit5Test {

  @RegisterExtension
  public static final TestWorkflowExtension testWorkflowExtension =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(GreetingWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  @Test
  public void testActivityImpl(TestWorkflowEnvironment testEnv, Worker worker, GreetingWorkflow workflow) {
    worker.registerActivitiesImplementations(new GreetingActivitiesImpl());
    testEnv.start();

    String greeting = workflow.getGreeting("World");
    assertEquals("Hello World!", greeting);
  }

  @Test
  public void testMockedActivity(TestWorkflowEnvironment testEnv, Worker worker, GreetingWorkflow workflow) {
    GreetingActivities activities = mock(GreetingActivities.class);
    when(activities.composeGreeting("Hello", "World")).thenReturn("Hello World!");
    worker.registerActivitiesImplementations(activities);
    testEnv.start();

    String greeting = workflow.getGreeting("World");
    assertEquals("Hello World!", greeting);
    verify(activities).composeGreeting("Hello", "World");
  }
}
