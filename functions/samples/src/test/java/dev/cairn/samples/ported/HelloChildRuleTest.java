package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.ChildWorkflowFailure;
import dev.cairn.samples.hello.HelloChild.GreetingChildImpl;
import dev.cairn.samples.hello.HelloChild.ParentGreetingWorkflow;
import dev.cairn.samples.hello.HelloChild.ParentGreetingWorkflowImpl;
import dev.cairn.testing.TestWorkflowRule;
import org.junit.Rule;
import org.junit.Test;

/** HelloChild with the JUnit 4 rule: parent and child on the rule's task queue. */
public class HelloChildRuleTest {
  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(ParentGreetingWorkflowImpl.class, GreetingChildImpl.class)
      .build();

  private ParentGreetingWorkflow newParent(String workflowId) {
    return testWorkflowRule.getWorkflowClient().newWorkflowStub(ParentGreetingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
  }

  @Test
  public void getGreeting_shouldReturnTheChildsGreeting_whenTheChildCompletes() {
    assertEquals("Hello World!", newParent("parent-1").getGreeting("World"));

    WorkflowClient client = testWorkflowRule.getWorkflowClient();
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
        client.fetchHistory("parent-1-child").getLastEvent().getEventType());
    assertTrue("the parent recorded the child's completion", client.fetchHistory("parent-1").getEvents().stream()
        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED));
  }

  @Test
  public void getGreeting_shouldFailWithTheChildsCause_whenTheNameIsBlank() {
    ParentGreetingWorkflow parent = newParent("parent-2");

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> parent.getGreeting(" "));

    assertTrue(e.getCause() instanceof ChildWorkflowFailure);
    ApplicationFailure cause = (ApplicationFailure) e.getCause().getCause();
    assertEquals("EmptyName", cause.getType());
    assertEquals("there is no one to greet", cause.getOriginalMessage());
  }
}
