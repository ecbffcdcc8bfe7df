package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowQueryException;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.failure.TerminatedFailure;
import dev.cairn.samples.SampleWorkers;
import dev.cairn.samples.hello.HelloSaga;
import dev.cairn.samples.hello.HelloSequence;
import dev.cairn.samples.hello.HelloSignal;
import dev.cairn.samples.hello.HelloTimer;
import dev.cairn.samples.hello.HelloUpdate;
import dev.cairn.tests.support.ClientOverHttp;
import dev.cairn.tests.support.EmbeddedStack;
import dev.cairn.worker.WorkerFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Temporal-style client program against the local runtime's HTTP API: the samples' bootstrap with
 * {@code CAIRN_ADDRESS} set, then the same WorkflowClient calls as in process.
 */
class WorkflowClientOverHttpTest {
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
    return WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(SampleWorkers.TASK_QUEUE).build();
  }

  @Test
  void typedStub_shouldReturnWorkflowResult_whenWorkflowCompletesRemotely() {
    HelloSequence.OrderWorkflow order = client.newWorkflowStub(HelloSequence.OrderWorkflow.class, options("http-order-1"));

    assertEquals("order-7:validated:charged:shipped", order.process("order-7"));
    WorkflowExecutionHistory history = client.fetchHistory("http-order-1");
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, history.getLastEvent().getEventType());
    assertEquals(WorkflowStub.fromTyped(order).getExecution().getRunId(), history.getWorkflowExecution().getRunId());
  }

  @Test
  void untypedStub_shouldStartAndGetResult_whenAddressedByTypeAndThenById() {
    WorkflowStub started = client.newUntypedWorkflowStub("OrderWorkflow", options("http-order-2"));
    started.start("order-8");

    WorkflowStub byId = client.newUntypedWorkflowStub("http-order-2");
    assertEquals("order-8:validated:charged:shipped", byId.getResult(String.class));
  }

  @Test
  void signalAndQuery_shouldReachRunningWorkflow_whenSentThroughTypedStub() {
    HelloSignal.RollCallWorkflow rollCall = client.newWorkflowStub(HelloSignal.RollCallWorkflow.class, options("http-roll-call"));
    WorkflowClient.start(rollCall::rollCall, 2);

    rollCall.answer("Ann");
    assertEquals(1, rollCall.answered(), "a query sees every signal sent before it");
    rollCall.answer("Bob");

    assertEquals(List.of("Ann", "Bob"), WorkflowStub.fromTyped(rollCall).getResult(List.class));
    assertThrows(WorkflowQueryException.class,
        () -> WorkflowStub.fromTyped(rollCall).query("noSuchQuery", String.class));
  }

  @Test
  void update_shouldReturnHandlerResult_andValidatorRejectionShouldThrow() {
    HelloUpdate.GuestbookWorkflow book = client.newWorkflowStub(HelloUpdate.GuestbookWorkflow.class, options("http-guestbook"));
    WorkflowClient.start(book::keepGuestbook);

    assertEquals(1, book.sign("Ann"));
    assertThrows(WorkflowUpdateException.class, () -> book.sign(" "));
    book.close();

    assertEquals(1, WorkflowStub.fromTyped(book).getResult(List.class).size());
  }

  @Test
  void getResult_shouldThrowWorkflowFailedWithActivityFailure_whenSagaFails() {
    HelloSaga.TripBookingWorkflow trip = client.newWorkflowStub(HelloSaga.TripBookingWorkflow.class, options("http-trip"));

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> trip.bookTrip("Ann (no flight)"));

    assertInstanceOf(ActivityFailure.class, e.getCause(), String.valueOf(e.getCause()));
  }

  @Test
  void terminateAndCancel_shouldEndRunsWithTheirFailures_whenRunsAreWaitingOnTimers() throws Exception {
    WorkflowStub terminated = client.newUntypedWorkflowStub("ReminderWorkflow", options("http-remind-terminate"));
    terminated.start("Ann", 3600);
    terminated.terminate("no longer needed");
    WorkflowFailedException t = assertThrows(WorkflowFailedException.class,
        () -> terminated.getResult(30, TimeUnit.SECONDS, String.class));
    assertInstanceOf(TerminatedFailure.class, t.getCause());
    assertThrows(WorkflowNotFoundException.class, () -> terminated.signal("anything"), "a closed run is not found");

    HelloTimer.ReminderWorkflow reminder = client.newWorkflowStub(HelloTimer.ReminderWorkflow.class, options("http-remind-cancel"));
    WorkflowClient.start(reminder::remind, "Bob", 3600);
    WorkflowStub.fromTyped(reminder).cancel();
    WorkflowFailedException c = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(reminder).getResult(30, TimeUnit.SECONDS, String.class));
    assertInstanceOf(CanceledFailure.class, c.getCause());
  }

  @Test
  void newWorker_shouldFailAtOnceWithCairnWorkersHint_whenClientIsRemote() {
    WorkerFactory factory = WorkerFactory.newInstance(client);

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> factory.newWorker(SampleWorkers.TASK_QUEUE));

    assertTrue(e.getMessage().contains("workers run in Lambda") && e.getMessage().contains("CAIRN_WORKERS"), e.getMessage());
  }
}
