package dev.cairn.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.history.v1.History;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.testing.Greetings.GreetingActivities;
import dev.cairn.testing.Greetings.GreetingActivitiesImpl;
import dev.cairn.testing.Greetings.GreetingWorkflow;
import dev.cairn.testing.Greetings.GreetingWorkflowImpl;
import java.util.HashSet;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;

/** JUnit 4, as Temporal users write it; the JUnit Platform runs it through the vintage engine. */
public class TestWorkflowRuleTest {
  private static final Set<String> taskQueuesSeen = new HashSet<>();

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(GreetingWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  @Test
  public void getGreeting_shouldCallMockedActivityWithHello_whenActivityIsMockitoMock() {
    GreetingActivities activities = mock(GreetingActivities.class, withSettings().withoutAnnotations());
    when(activities.composeGreeting("Hello", "World")).thenReturn("Hello World!");
    testWorkflowRule.getWorker().registerActivitiesImplementations(activities);
    testWorkflowRule.getTestEnvironment().start();

    GreetingWorkflow workflow = testWorkflowRule.getWorkflowClient().newWorkflowStub(GreetingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).build());
    String greeting = workflow.getGreeting("World");

    assertEquals("Hello World!", greeting);
    verify(activities).composeGreeting(eq("Hello"), anyString());
  }

  @Test
  public void getGreeting_shouldCallMock_whenMockKeepsInterfaceAnnotations() {
    GreetingActivities activities = mock(GreetingActivities.class);
    when(activities.composeGreeting("Hello", "Ann")).thenReturn("hi Ann");
    testWorkflowRule.getWorker().registerActivitiesImplementations(activities);
    testWorkflowRule.getTestEnvironment().start();

    assertEquals("hi Ann", testWorkflowRule.newWorkflowStub(GreetingWorkflow.class).getGreeting("Ann"));
    verify(activities).composeGreeting("Hello", "Ann");
  }

  @Test
  public void getHistory_shouldListEventsFromStartToCompletion_whenWorkflowCompleted() {
    testWorkflowRule.getWorker().registerActivitiesImplementations(new GreetingActivitiesImpl());
    testWorkflowRule.getTestEnvironment().start();
    WorkflowStub stub = testWorkflowRule.newUntypedWorkflowStub("GreetingWorkflow");
    WorkflowExecution execution = stub.start("Bob");
    assertEquals("Hello Bob!", stub.getResult(String.class));

    History history = testWorkflowRule.getHistory(execution);

    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, history.getEvents(0).getEventType());
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
        history.getEvents(history.getEventsCount() - 1).getEventType());
    assertTrue(history.getEventsList().stream()
        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED));
  }

  @Test
  public void getTaskQueue_shouldDifferBetweenTests_whenRuleBuiltPerTest() {
    String first = testWorkflowRule.getTaskQueue();
    assertTrue(first.startsWith("WorkflowTest-getTaskQueue_shouldDifferBetweenTests_whenRuleBuiltPerTest-"));
    assertNotEquals(first, TestWorkflowRule.newBuilder().build().getTaskQueue());
    synchronized (taskQueuesSeen) {
      assertTrue(taskQueuesSeen.add(first));
    }
  }

  @Test
  public void getWorkflowClient_shouldStartWorkflowThroughStaticStart_whenEnvironmentStarted() {
    testWorkflowRule.getWorker().registerActivitiesImplementations(new GreetingActivitiesImpl());
    testWorkflowRule.getTestEnvironment().start();
    GreetingWorkflow workflow = testWorkflowRule.getWorkflowClient().newWorkflowStub(GreetingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId("rule-start").build());

    WorkflowExecution execution = WorkflowClient.start(workflow::getGreeting, "Cy");

    assertEquals("rule-start", execution.getWorkflowId());
    assertEquals("Hello Cy!", WorkflowStub.fromTyped(workflow).getResult(String.class));
  }
}
