package dev.cairn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.samples.hello.HelloActivity;
import dev.cairn.samples.hello.HelloActivityRetry;
import dev.cairn.samples.hello.HelloParallelActivity;
import dev.cairn.samples.hello.HelloSaga;
import dev.cairn.testing.TestWorkflowEnvironment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SampleWorkersTest {
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    SampleWorkers.register(env.newWorker(SampleWorkers.TASK_QUEUE));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private <T> T stub(Class<T> workflowInterface) {
    WorkflowClient client = env.getWorkflowClient();
    return client.newWorkflowStub(workflowInterface,
        WorkflowOptions.newBuilder().setTaskQueue(SampleWorkers.TASK_QUEUE).build());
  }

  @Test
  void register_shouldServeAllFourSamples_whenRegisteredOnOneWorker() {
    assertEquals("Hello Ann!", stub(HelloActivity.GreetingWorkflow.class).getGreeting("Ann"));
    assertEquals(List.of("Hello Ann!", "Hello Bob!"),
        stub(HelloParallelActivity.MultiGreetingWorkflow.class).getGreetings(List.of("Ann", "Bob")));
    assertEquals(List.of("car-Ann", "hotel-Ann", "flight-Ann"),
        stub(HelloSaga.TripBookingWorkflow.class).bookTrip("Ann"));
    assertEquals("Hello Ann!", stub(HelloActivityRetry.RetryGreetingWorkflow.class).getGreeting("Ann"));
  }
}
