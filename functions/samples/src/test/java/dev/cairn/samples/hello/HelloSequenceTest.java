package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.client.WorkflowOptions;
import dev.cairn.samples.hello.HelloSequence.OrderWorkflow;
import dev.cairn.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloSequenceTest {
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker("hello-sequence");
    worker.registerWorkflowImplementationTypes(HelloSequence.OrderWorkflowImpl.class);
    worker.registerActivitiesImplementations(new HelloSequence.OrderActivitiesImpl());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void process_shouldRunThreeActivitiesInOrder_eachOnThePreviousResult() {
    OrderWorkflow workflow = env.getWorkflowClient().newWorkflowStub(OrderWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue("hello-sequence").build());
    assertEquals("order-7:validated:charged:shipped", workflow.process("order-7"));
  }
}
