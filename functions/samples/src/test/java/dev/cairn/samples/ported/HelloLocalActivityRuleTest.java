package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.samples.hello.HelloLocalActivity.LocalGreetingActivities;
import dev.cairn.samples.hello.HelloLocalActivity.LocalGreetingWorkflow;
import dev.cairn.samples.hello.HelloLocalActivity.LocalGreetingWorkflowImpl;
import dev.cairn.testing.TestWorkflowRule;
import org.junit.Rule;
import org.junit.Test;

/** HelloLocalActivity with the JUnit 4 rule: the local activity a mock, its result recorded as a marker. */
public class HelloLocalActivityRuleTest {
  private final LocalGreetingActivities activities =
      mock(LocalGreetingActivities.class, withSettings().withoutAnnotations());

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(LocalGreetingWorkflowImpl.class)
      .setActivityImplementations(activities)
      .build();

  @Test
  public void getGreeting_shouldRecordAMarkerNotAnActivityTask_whenTheLocalActivityIsMocked() {
    when(activities.composeGreeting("Hello", "World")).thenReturn("Hello from the mock");
    LocalGreetingWorkflow workflow = testWorkflowRule.getWorkflowClient().newWorkflowStub(LocalGreetingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId("local-1").build());

    assertEquals("Hello from the mock", workflow.getGreeting("World"));

    verify(activities).composeGreeting("Hello", "World");
    WorkflowExecutionHistory history = testWorkflowRule.getWorkflowClient().fetchHistory("local-1");
    assertTrue(history.getEvents().stream().anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED));
    assertFalse(history.getEvents().stream()
        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED));
  }
}
