package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.internal.common.WorkflowExecutionHistory;
import dev.cairn.samples.hello.HelloActivity;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.testing.WorkflowReplayer;
import dev.cairn.workflow.Workflow;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;

/**
 * The replay test Temporal's samples ship for HelloActivity, as its users write it: the rule not
 * started, the history taken with {@code getHistory}, turned into JSON by the
 * {@code internal.common.WorkflowExecutionHistory} the sample imports, and replayed against the same
 * and against changed code.
 */
public class HelloActivityReplayRuleTest {

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder().setDoNotStart(true).build();

  @Test
  public void replayWorkflowExecution_shouldPass_whenCodeIsUnchanged() throws Exception {
    String eventHistory = executeWorkflow(HelloActivity.GreetingWorkflowImpl.class);

    WorkflowReplayer.replayWorkflowExecution(eventHistory, HelloActivity.GreetingWorkflowImpl.class);
  }

  @Test
  public void replayWorkflowExecution_shouldFailNonDeterministic_whenCodeAddedATimer() {
    String eventHistory = executeWorkflow(SleepsFirstGreetingWorkflow.class);

    Exception e = assertThrows(Exception.class,
        () -> WorkflowReplayer.replayWorkflowExecution(eventHistory, HelloActivity.GreetingWorkflowImpl.class));

    assertTrue(e.getMessage(), e.getMessage().contains("error=dev.cairn.worker.NonDeterministicException"));
  }

  private String executeWorkflow(Class<? extends HelloActivity.GreetingWorkflow> implementation) {
    testWorkflowRule.getWorker().registerActivitiesImplementations(new HelloActivity.GreetingActivitiesImpl());
    testWorkflowRule.getWorker().registerWorkflowImplementationTypes(implementation);
    testWorkflowRule.getTestEnvironment().start();

    HelloActivity.GreetingWorkflow workflow = testWorkflowRule.getWorkflowClient().newWorkflowStub(
        HelloActivity.GreetingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).build());
    WorkflowExecution execution = WorkflowStub.fromTyped(workflow).start("World");
    assertEquals("Hello World!", WorkflowStub.fromTyped(workflow).getResult(String.class));

    return new WorkflowExecutionHistory(testWorkflowRule.getHistory(execution)).toJson(true);
  }

  /** The recorded code: a timer before the activity, which HelloActivity's code does not start. */
  public static class SleepsFirstGreetingWorkflow implements HelloActivity.GreetingWorkflow {
    private final HelloActivity.GreetingActivities activities = Workflow.newActivityStub(
        HelloActivity.GreetingActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(2)).build());

    @Override
    public String getGreeting(String name) {
      Workflow.sleep(100);
      return activities.composeGreeting("Hello", name);
    }
  }
}
