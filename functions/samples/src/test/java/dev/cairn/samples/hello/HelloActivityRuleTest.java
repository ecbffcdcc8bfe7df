package dev.cairn.samples.hello;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.client.WorkflowOptions;
import dev.cairn.samples.hello.HelloActivity.GreetingActivities;
import dev.cairn.samples.hello.HelloActivity.GreetingActivitiesImpl;
import dev.cairn.samples.hello.HelloActivity.GreetingWorkflow;
import dev.cairn.samples.hello.HelloActivity.GreetingWorkflowImpl;
import dev.cairn.testing.TestWorkflowRule;
import org.junit.Rule;
import org.junit.Test;

/**
 * Temporal's HelloActivityTest (JUnit 4, TestWorkflowRule, Mockito) with {@code io.temporal.}
 * replaced by {@code dev.cairn.} in the imports; nothing else changed.
 */
public class HelloActivityRuleTest {

  @Rule
  public TestWorkflowRule testWorkflowRule =
      TestWorkflowRule.newBuilder().setWorkflowTypes(GreetingWorkflowImpl.class).setDoNotStart(true).build();

  @Test
  public void testActivityImpl() {
    testWorkflowRule.getWorker().registerActivitiesImplementations(new GreetingActivitiesImpl());
    testWorkflowRule.getTestEnvironment().start();

    GreetingWorkflow workflow =
        testWorkflowRule
            .getWorkflowClient()
            .newWorkflowStub(
                GreetingWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).build());
    String greeting = workflow.getGreeting("World");
    assertEquals("Hello World!", greeting);

    testWorkflowRule.getTestEnvironment().shutdown();
  }

  @Test
  public void testMockedActivity() {
    GreetingActivities activities = mock(GreetingActivities.class, withSettings().withoutAnnotations());
    when(activities.composeGreeting("Hello", "World")).thenReturn("Hello World!");
    testWorkflowRule.getWorker().registerActivitiesImplementations(activities);
    testWorkflowRule.getTestEnvironment().start();

    GreetingWorkflow workflow =
        testWorkflowRule
            .getWorkflowClient()
            .newWorkflowStub(
                GreetingWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).build());
    String greeting = workflow.getGreeting("World");
    assertEquals("Hello World!", greeting);
    verify(activities).composeGreeting(eq("Hello"), anyString());

    testWorkflowRule.getTestEnvironment().shutdown();
  }
}
