package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.client.BatchRequest;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.samples.hello.HelloSignal.RollCallWorkflow;
import dev.cairn.testing.TestWorkflowEnvironment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloSignalTest {
  private static final String TASK_QUEUE = "hello-signal";
  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(TASK_QUEUE).registerWorkflowImplementationTypes(HelloSignal.RollCallWorkflowImpl.class);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private RollCallWorkflow newRollCall(String workflowId) {
    return client.newWorkflowStub(RollCallWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(workflowId).build());
  }

  @Test
  void rollCall_shouldCountEveryAnswer_when100SignalsAreSentConcurrently() throws Exception {
    RollCallWorkflow workflow = newRollCall("roll-call-100");
    WorkflowClient.start(workflow::rollCall, 100);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService senders = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> sends = IntStream.range(0, 100).<Future<?>>mapToObj(i -> senders.submit(() -> {
        go.await();
        client.newWorkflowStub(RollCallWorkflow.class, "roll-call-100").answer("student-" + i);
        return null;
      })).toList();
      go.countDown();
      for (Future<?> send : sends) {
        send.get();
      }
    } finally {
      senders.shutdown();
    }

    @SuppressWarnings("unchecked")
    List<String> names = WorkflowStub.fromTyped(workflow).getResult(List.class);

    assertEquals(100, names.size());
    Set<String> expected = new HashSet<>();
    IntStream.range(0, 100).forEach(i -> expected.add("student-" + i));
    assertEquals(expected, new HashSet<>(names));
    assertEquals(100, workflow.answered(), "a query on the closed run replays its 100 signals");
  }

  @Test
  void answered_shouldSeeEverySignalSentBefore_whenQueriedWhileWaiting() {
    RollCallWorkflow workflow = newRollCall("roll-call-query");
    WorkflowClient.start(workflow::rollCall, 3);

    workflow.answer("Ann");
    workflow.answer("Bob");

    assertEquals(2, workflow.answered());
  }

  @Test
  void signalWithStart_shouldStartTheRollCallWithTheFirstAnswer_whenNotRunning() {
    RollCallWorkflow workflow = newRollCall("roll-call-sws");
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(workflow::rollCall, 2);
    request.add(workflow::answer, "Ann");
    client.signalWithStart(request);

    BatchRequest again = client.newSignalWithStartRequest();
    RollCallWorkflow sameId = newRollCall("roll-call-sws");
    again.add(sameId::rollCall, 2);
    again.add(sameId::answer, "Bob");
    client.signalWithStart(again); // the run is open: only the signal is sent

    assertEquals(List.of("Ann", "Bob"), WorkflowStub.fromTyped(workflow).getResult(List.class));
  }
}
