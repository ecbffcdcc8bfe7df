package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityCancellationType;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.client.ActivityCanceledException;
import dev.cairn.client.ActivityCompletionClient;
import dev.cairn.client.ActivityNotExistsException;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client calls and async activity completion that Temporal's sample tests use. */
class ClientAndCompletionTest {
  @ActivityInterface
  public interface Approvals {
    String approve(String request);
  }

  /** Hands its task token to the test and returns without completing, as an activity waiting for a person does. */
  public static class ApprovalsImpl implements Approvals {
    static final BlockingQueue<byte[]> taskTokens = new LinkedBlockingQueue<>();

    @Override
    public String approve(String request) {
      var context = Activity.getExecutionContext();
      taskTokens.add(context.getTaskToken());
      context.doNotCompleteOnReturn();
      return null;
    }
  }

  @WorkflowInterface
  public interface ApprovalWorkflow {
    @WorkflowMethod
    String request(String what);
  }

  public static class ApprovalWorkflowImpl implements ApprovalWorkflow {
    private final Approvals approvals = Workflow.newActivityStub(Approvals.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofDays(1)).build());

    @Override
    public String request(String what) {
      return approvals.approve(what);
    }
  }

  @WorkflowInterface
  public interface PatientApproval {
    @WorkflowMethod
    String request(String what);
  }

  /** Waits for the approval's cancellation to be acknowledged, and returns the acknowledgement's details. */
  public static class PatientApprovalImpl implements PatientApproval {
    @Override
    public String request(String what) {
      Approvals approvals = Workflow.newActivityStub(Approvals.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofDays(1))
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED).build());
      try {
        return approvals.approve(what);
      } catch (ActivityFailure f) {
        return "canceled: " + ((CanceledFailure) f.getCause()).getDetails().get(String.class);
      }
    }
  }

  @WorkflowInterface
  public interface Mailbox {
    @WorkflowMethod
    String waitForMail();

    @SignalMethod
    void deliver(String mail);
  }

  public static class MailboxImpl implements Mailbox {
    private String mail;

    @Override
    public String waitForMail() {
      Workflow.await(() -> mail != null);
      return mail;
    }

    @Override
    public void deliver(String mail) {
      this.mail = mail;
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(ApprovalWorkflowImpl.class, MailboxImpl.class, PatientApprovalImpl.class)
      .setActivityImplementations(new ApprovalsImpl())
      .build();

  private static byte[] nextTaskToken() throws InterruptedException {
    byte[] token = ApprovalsImpl.taskTokens.poll(10, TimeUnit.SECONDS);
    if (token == null) {
      throw new AssertionError("the activity did not start within 10 s");
    }
    return token;
  }

  @Test
  void complete_shouldGiveWorkflowItsResult_whenCompletedByTaskToken(WorkflowClient client, ApprovalWorkflow workflow)
      throws Exception {
    WorkflowExecution execution = WorkflowClient.start(workflow::request, "vacation");
    ActivityCompletionClient completions = client.newActivityCompletionClient();

    completions.complete(nextTaskToken(), "approved");

    assertEquals("approved", client.newUntypedWorkflowStub(execution.getWorkflowId()).getResult(String.class));
  }

  @Test
  void completeExceptionally_shouldFailWorkflowWithActivityFailure_whenFailedByTaskToken(WorkflowClient client,
      ApprovalWorkflow workflow) throws Exception {
    WorkflowClient.start(workflow::request, "raise");

    client.newActivityCompletionClient().completeExceptionally(nextTaskToken(),
        ApplicationFailure.newNonRetryableFailure("denied", "Denied"));

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(workflow).getResult(String.class));
    ActivityFailure activityFailure = assertInstanceOf(ActivityFailure.class, e.getCause());
    assertEquals("Denied", assertInstanceOf(ApplicationFailure.class, activityFailure.getCause()).getType());
  }

  @Test
  void reportCancellation_shouldThrowActivityNotExists_whenWorkflowAlreadyCanceled(WorkflowClient client,
      ApprovalWorkflow workflow) throws Exception {
    WorkflowClient.start(workflow::request, "trip");
    byte[] token = nextTaskToken();
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    stub.cancel("trip called off");
    assertThrows(WorkflowFailedException.class, () -> stub.getResult(String.class));

    assertThrows(ActivityNotExistsException.class,
        () -> client.newActivityCompletionClient().reportCancellation(token, "withdrawn"));
  }

  @Test
  void heartbeat_shouldThrowActivityCanceled_andReportCancellationDetailsReachTheWorkflow_whenCancelRequested(
      WorkflowClient client, PatientApproval workflow) throws Exception {
    WorkflowClient.start(workflow::request, "desk");
    byte[] token = nextTaskToken();
    ActivityCompletionClient completions = client.newActivityCompletionClient();
    completions.heartbeat(token, "pending"); // no cancel requested yet

    WorkflowStub.fromTyped(workflow).cancel("desk no longer needed");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    boolean canceled = false;
    while (!canceled && System.nanoTime() < deadline) {
      try {
        completions.heartbeat(token, "pending");
        Thread.sleep(10);
      } catch (ActivityCanceledException e) {
        canceled = true;
      }
    }
    assertTrue(canceled, "a heartbeat by token reports the requested cancellation");
    completions.reportCancellation(token, "desk order withdrawn");
    assertEquals("canceled: desk order withdrawn", WorkflowStub.fromTyped(workflow).getResult(String.class));
  }

  @Test
  void newWorkflowStubById_shouldSignalRunningWorkflow_whenStartedByUntypedStub(WorkflowClient client,
      WorkflowOptions options) {
    WorkflowStub untyped = client.newUntypedWorkflowStub("Mailbox",
        WorkflowOptions.newBuilder(options).setWorkflowId("mailbox-1").build());
    WorkflowExecution execution = untyped.start();
    assertEquals(execution, untyped.getExecution());

    client.newWorkflowStub(Mailbox.class, "mailbox-1").deliver("letter");

    WorkflowStub byId = client.newUntypedWorkflowStub("mailbox-1", Optional.of(execution.getRunId()), Optional.of("Mailbox"));
    assertEquals("letter", byId.getResult(String.class));
  }

  @Test
  void getResultWithTimeout_shouldThrowTimeoutException_whenWorkflowStillWaiting(WorkflowClient client, Mailbox mailbox) {
    WorkflowClient.start(mailbox::waitForMail);

    assertThrows(TimeoutException.class,
        () -> WorkflowStub.fromTyped(mailbox).getResult(300, TimeUnit.MILLISECONDS, String.class));
  }

  @Test
  void cancel_shouldFailResultWithCanceledFailure_whenWorkflowCanceledWithReason(WorkflowClient client, Mailbox mailbox) {
    WorkflowExecution execution = WorkflowClient.start(mailbox::waitForMail);
    WorkflowStub stub = client.newUntypedWorkflowStub(execution.getWorkflowId());

    stub.cancel("no longer needed");

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> stub.getResult(String.class));
    assertInstanceOf(CanceledFailure.class, e.getCause());
  }

  @Test
  void signal_shouldThrowWorkflowNotFoundException_whenNoSuchWorkflow(WorkflowClient client) {
    assertThrows(WorkflowNotFoundException.class,
        () -> client.newWorkflowStub(Mailbox.class, "no-such-mailbox").deliver("lost"));
  }

  @Test
  void start_shouldThrowAlreadyStartedWithExistingExecution_whenIdIsTaken(WorkflowClient client, WorkflowOptions options) {
    WorkflowOptions withId = WorkflowOptions.newBuilder(options).setWorkflowId("mailbox-dup").build();
    WorkflowExecution first = WorkflowClient.start(client.newWorkflowStub(Mailbox.class, withId)::waitForMail);

    WorkflowExecutionAlreadyStarted e = assertThrows(WorkflowExecutionAlreadyStarted.class,
        () -> WorkflowClient.start(client.newWorkflowStub(Mailbox.class, withId)::waitForMail));

    assertEquals(first.getWorkflowId(), e.getExecution().getWorkflowId());
    assertEquals(first.getRunId(), e.getExecution().getRunId());
  }
}
