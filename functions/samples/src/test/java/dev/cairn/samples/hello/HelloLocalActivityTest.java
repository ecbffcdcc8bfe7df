package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cairn.client.WorkflowStub;
import dev.cairn.samples.hello.HelloLocalActivity.LocalGreetingActivities;
import dev.cairn.samples.hello.HelloLocalActivity.LocalGreetingActivitiesImpl;
import dev.cairn.samples.hello.HelloLocalActivity.LocalGreetingWorkflow;
import dev.cairn.samples.hello.HelloLocalActivity.LocalGreetingWorkflowImpl;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.testing.WorkflowReplayer;
import dev.cairn.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** As Temporal's HelloLocalActivityTest, plus a replay of the recorded history. */
public class HelloLocalActivityTest {

  @RegisterExtension
  public static final TestWorkflowExtension testWorkflowExtension =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(LocalGreetingWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  @Test
  public void testActivityImpl(TestWorkflowEnvironment testEnv, Worker worker, LocalGreetingWorkflow workflow) {
    worker.registerActivitiesImplementations(new LocalGreetingActivitiesImpl());
    testEnv.start();

    assertEquals("Hello World!", workflow.getGreeting("World"));
  }

  @Test
  public void testMockedActivityIsNotCalledOnReplay(TestWorkflowEnvironment testEnv, Worker worker,
      LocalGreetingWorkflow workflow) {
    LocalGreetingActivities activities = mock(LocalGreetingActivities.class);
    when(activities.composeGreeting("Hello", "World")).thenReturn("Hello World!");
    worker.registerActivitiesImplementations(activities);
    testEnv.start();

    assertEquals("Hello World!", workflow.getGreeting("World"));
    String workflowId = WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId();
    WorkflowReplayer.replayWorkflowExecution(testEnv.getWorkflowClient().fetchHistory(workflowId),
        LocalGreetingWorkflowImpl.class);

    verify(activities, times(1)).composeGreeting("Hello", "World");
  }
}
