package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.client.WorkflowOptions;
import dev.cairn.samples.hello.HelloTimer.ReminderWorkflow;
import dev.cairn.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloTimerTest {
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker("hello-timer");
    worker.registerWorkflowImplementationTypes(HelloTimer.ReminderWorkflowImpl.class);
    worker.registerActivitiesImplementations(new HelloTimer.ReminderActivitiesImpl());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void remind_shouldWakeAfterTheTimer_whenTimeIsSkipped() {
    long start = env.currentTimeMillis();
    ReminderWorkflow workflow = env.getWorkflowClient().newWorkflowStub(ReminderWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue("hello-timer").build());

    assertEquals("Reminder for Ada after 3600 s", workflow.remind("Ada", 3600));
    assertTrue(env.currentTimeMillis() - start >= 3_600_000, "an hour of test time passed");
  }
}
