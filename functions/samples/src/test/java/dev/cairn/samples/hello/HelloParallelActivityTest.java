package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.client.WorkflowOptions;
import dev.cairn.samples.hello.HelloParallelActivity.MultiGreetingWorkflow;
import dev.cairn.samples.hello.HelloParallelActivity.MultiGreetingWorkflowImpl;
import dev.cairn.samples.hello.HelloParallelActivity.ParallelGreetingActivitiesImpl;
import dev.cairn.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloParallelActivityTest {
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker("hello-parallel");
    worker.registerWorkflowImplementationTypes(MultiGreetingWorkflowImpl.class);
    worker.registerActivitiesImplementations(new ParallelGreetingActivitiesImpl());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private MultiGreetingWorkflow newWorkflow() {
    return env.getWorkflowClient().newWorkflowStub(MultiGreetingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue("hello-parallel").build());
  }

  @Test
  void getGreetings_shouldReturnResultsInInputOrder_whenActivitiesRunInParallel() {
    List<String> greetings = newWorkflow().getGreetings(List.of("Ann", "Bob", "Cy", "Dee", "Eve"));
    assertEquals(List.of("Hello Ann!", "Hello Bob!", "Hello Cy!", "Hello Dee!", "Hello Eve!"), greetings);
  }

  @Test
  void getGreetings_shouldKeepOrder_whenManyActivitiesRunInParallel() {
    List<String> names = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      names.add("n" + i);
      expected.add("Hello n" + i + "!");
    }
    assertEquals(expected, newWorkflow().getGreetings(names));
  }

  @Test
  void getGreetings_shouldReturnEmptyList_whenNoNames() {
    assertEquals(List.of(), newWorkflow().getGreetings(List.of()));
  }
}
