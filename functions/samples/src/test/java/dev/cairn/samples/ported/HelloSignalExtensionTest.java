package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.client.BatchRequest;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.samples.hello.HelloSignal.RollCallWorkflow;
import dev.cairn.samples.hello.HelloSignal.RollCallWorkflowImpl;
import dev.cairn.testing.TestWorkflowExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HelloSignal with the JUnit 5 extension: signals through the injected stub and by workflow id. */
class HelloSignalExtensionTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(RollCallWorkflowImpl.class)
      .build();

  @Test
  void rollCall_shouldReturnNamesInArrivalOrder_whenEveryoneAnswers(WorkflowClient client, RollCallWorkflow workflow) {
    String workflowId = WorkflowClient.start(workflow::rollCall, 3).getWorkflowId();

    workflow.answer("Ann");
    client.newWorkflowStub(RollCallWorkflow.class, workflowId).answer("Bob");
    assertEquals(2, workflow.answered());
    workflow.answer("Cid");

    assertEquals(List.of("Ann", "Bob", "Cid"), WorkflowStub.fromTyped(workflow).getResult(List.class));
  }

  @Test
  void signalWithStart_shouldStartTheRollCallWithTheFirstAnswer_whenNoRunIsOpen(
      WorkflowClient client, WorkflowOptions options) {
    RollCallWorkflow workflow = client.newWorkflowStub(RollCallWorkflow.class,
        WorkflowOptions.newBuilder(options).setWorkflowId("roll-call-sws").build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(workflow::rollCall, 1);
    request.add(workflow::answer, "Ann");

    client.signalWithStart(request);

    assertEquals(List.of("Ann"), WorkflowStub.fromTyped(workflow).getResult(List.class));
  }
}
