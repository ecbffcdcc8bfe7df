package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.enums.v1.WorkflowIdConflictPolicy;
import dev.cairn.client.BatchRequest;
import dev.cairn.client.UpdateOptions;
import dev.cairn.client.WithStartWorkflowOperation;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.client.WorkflowUpdateHandle;
import dev.cairn.client.WorkflowUpdateStage;
import dev.cairn.samples.SampleWorkers;
import dev.cairn.samples.hello.HelloSignal;
import dev.cairn.samples.hello.HelloUpdate;
import dev.cairn.tests.support.ClientOverHttp;
import dev.cairn.tests.support.EmbeddedStack;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signal-with-start, update-with-start and update handles through the WorkflowClient over HTTP. */
class WithStartOverHttpTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  private static ClientOverHttp http;
  private static WorkflowClient client;

  @BeforeAll
  static void connect() {
    http = ClientOverHttp.connect(stack);
    client = http.client();
  }

  @AfterAll
  static void disconnect() {
    http.close();
  }

  private static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(SampleWorkers.TASK_QUEUE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING).build();
  }

  private static UpdateOptions<Integer> completed() {
    return UpdateOptions.<Integer>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build();
  }

  @Test
  void signalWithStart_shouldStartTheRollCallThenSignalTheOpenRun_whenSentTwice() {
    HelloSignal.RollCallWorkflow first = client.newWorkflowStub(HelloSignal.RollCallWorkflow.class, options("http-sws-1"));
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(first::rollCall, 2);
    request.add(first::answer, "Ann");
    WorkflowExecution started = client.signalWithStart(request);

    WorkflowStub second = client.newUntypedWorkflowStub("RollCallWorkflow", options("http-sws-1"));
    WorkflowExecution signalled = second.signalWithStart("answer", new Object[] {"Bob"}, new Object[] {2});

    assertEquals(started.getRunId(), signalled.getRunId(), "the second signal reached the open run");
    assertEquals(List.of("Ann", "Bob"), WorkflowStub.fromTyped(first).getResult(List.class));
  }

  @Test
  void updateWithStart_shouldOpenTheGuestbookThenReachIt_andHandlesShouldPollResults() throws Exception {
    HelloUpdate.GuestbookWorkflow book = client.newWorkflowStub(HelloUpdate.GuestbookWorkflow.class, options("http-uws-1"));
    WithStartWorkflowOperation<List<String>> open = new WithStartWorkflowOperation<>(book::keepGuestbook);

    WorkflowUpdateHandle<Integer> ann = WorkflowClient.startUpdateWithStart(book::sign, "Ann", completed(), open);
    assertEquals(1, ann.getResult());

    HelloUpdate.GuestbookWorkflow again = client.newWorkflowStub(HelloUpdate.GuestbookWorkflow.class, options("http-uws-1"));
    WithStartWorkflowOperation<List<String>> reach = new WithStartWorkflowOperation<>(again::keepGuestbook);
    assertEquals(2, WorkflowClient.executeUpdateWithStart(again::sign, "Bob", completed(), reach));
    assertEquals(open.getExecution().getRunId(), reach.getExecution().getRunId());

    WorkflowUpdateHandle<Integer> cy = WorkflowClient.startUpdate(book::sign, "Cy", WorkflowUpdateStage.ACCEPTED);
    assertEquals(3, cy.getResultAsync().get(30, TimeUnit.SECONDS));
    assertEquals(3, WorkflowStub.fromTyped(book).getUpdateHandle(cy.getId(), Integer.class).getResult());

    book.close();
    assertEquals(List.of("Welcome, Ann!", "Welcome, Bob!", "Welcome, Cy!"), open.getResult());
  }

  @Test
  void updateWithStart_shouldThrowButStartTheRun_whenRejected_andBeOneUpdate_whenRetriedWithItsId() {
    HelloUpdate.GuestbookWorkflow book = client.newWorkflowStub(HelloUpdate.GuestbookWorkflow.class, options("http-uws-2"));
    WithStartWorkflowOperation<List<String>> open = new WithStartWorkflowOperation<>(book::keepGuestbook);

    WorkflowUpdateException rejected = assertThrows(WorkflowUpdateException.class,
        () -> WorkflowClient.startUpdateWithStart(book::sign, " ", completed(), open));
    assertTrue(String.valueOf(rejected.getCause()).contains("a guest needs a name"), String.valueOf(rejected.getCause()));
    assertTrue(!open.getExecution().getRunId().isEmpty(), "the run started all the same");

    UpdateOptions<Integer> signAnn = completed().toBuilder().setUpdateId("sign-ann-once").build();
    WorkflowStub untyped = client.newUntypedWorkflowStub("GuestbookWorkflow", options("http-uws-2"));
    UpdateOptions<Integer> named = signAnn.toBuilder().setUpdateName("sign").setResultClass(Integer.class).build();
    int first = untyped.executeUpdateWithStart(named, new Object[] {"Ann"}, new Object[0]);
    int retried = untyped.executeUpdateWithStart(named, new Object[] {"Ann"}, new Object[0]);

    assertEquals(1, first);
    assertEquals(1, retried);
    long accepted = client.fetchHistory("http-uws-2").getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED).count();
    assertEquals(1, accepted);
    book.close();
    assertEquals(List.of("Welcome, Ann!"), open.getResult());
  }
}
