package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.samples.hello.HelloActivity.GreetingActivities;
import dev.cairn.samples.hello.HelloActivity.GreetingWorkflow;
import dev.cairn.samples.hello.HelloActivity.GreetingWorkflowImpl;
import dev.cairn.testing.TestWorkflowRule;
import org.junit.Rule;
import org.junit.Test;

/** HelloActivity tested as a Temporal user would: JUnit 4 rule, the activity a Mockito mock. */
public class HelloActivityRuleTest {
  // JUnit 4 makes a new instance per test, so each test gets a fresh mock registered by the rule.
  private final GreetingActivities activities = mock(GreetingActivities.class, withSettings().withoutAnnotations());

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(GreetingWorkflowImpl.class)
      .setActivityImplementations(activities)
      .build();

  @Test
  public void getGreeting_shouldReturnTheActivitysGreeting_whenTheActivityIsMocked() {
    when(activities.composeGreeting("Hello", "World")).thenReturn("Hi from the mock");

    String greeting = testWorkflowRule.newWorkflowStub(GreetingWorkflow.class).getGreeting("World");

    assertEquals("Hi from the mock", greeting);
    verify(activities).composeGreeting("Hello", "World");
    verifyNoMoreInteractions(activities);
  }
}
