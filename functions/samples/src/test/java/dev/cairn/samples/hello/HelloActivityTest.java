package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.client.WorkflowOptions;
import dev.cairn.samples.hello.HelloActivity.GreetingActivitiesImpl;
import dev.cairn.samples.hello.HelloActivity.GreetingWorkflow;
import dev.cairn.samples.hello.HelloActivity.GreetingWorkflowImpl;
import dev.cairn.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloActivityTest {
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker("hello-activity");
    worker.registerWorkflowImplementationTypes(GreetingWorkflowImpl.class);
    worker.registerActivitiesImplementations(new GreetingActivitiesImpl());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void getGreeting_shouldReturnActivityGreeting_whenActivitySucceeds() {
    GreetingWorkflow workflow = env.getWorkflowClient().newWorkflowStub(GreetingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue("hello-activity").setWorkflowId("hello-activity-1").build());
    assertEquals("Hello World!", workflow.getGreeting("World"));
  }
}
