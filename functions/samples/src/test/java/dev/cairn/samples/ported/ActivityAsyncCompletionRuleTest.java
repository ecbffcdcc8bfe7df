package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityCancellationType;
import dev.cairn.activity.ActivityExecutionContext;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.ActivityCanceledException;
import dev.cairn.client.ActivityCompletionClient;
import dev.cairn.client.ActivityCompletionException;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * An activity that hands its task token to another system and returns without completing
 * (doNotCompleteOnReturn); that system later completes, fails or acknowledges the cancellation of
 * the activity through ActivityCompletionClient. Tested with the JUnit 4 rule.
 */
public class ActivityAsyncCompletionRuleTest {
  @ActivityInterface
  public interface ApprovalActivities {
    /** Asks a person to approve {@code request}; their answer is the activity's result. */
    String requestApproval(String request);
  }

  /** The "other system": task tokens waiting for a person, in order. */
  static final BlockingQueue<byte[]> approvalInbox = new LinkedBlockingQueue<>();

  public static class ApprovalActivitiesImpl implements ApprovalActivities {
    @Override
    public String requestApproval(String request) {
      ActivityExecutionContext context = Activity.getExecutionContext();
      approvalInbox.add(context.getTaskToken());
      context.doNotCompleteOnReturn();
      return "ignored: the activity completes later, by its token";
    }
  }

  @WorkflowInterface
  public interface ApprovalWorkflow {
    @WorkflowMethod
    String approve(String request);

    /** The request was withdrawn: cancel the pending approval and say how it ended. */
    @SignalMethod
    void withdraw();
  }

  public static class ApprovalWorkflowImpl implements ApprovalWorkflow {
    private boolean withdrawn;

    @Override
    public String approve(String request) {
      ApprovalActivities approvals = Workflow.newActivityStub(ApprovalActivities.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofDays(7))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED).build());
      Promise<String>[] answer = new Promise[1];
      CancellationScope scope = Workflow.newCancellationScope(
          () -> answer[0] = Async.function(approvals::requestApproval, request));
      scope.run();
      Workflow.await(() -> withdrawn || answer[0].isCompleted());
      if (!answer[0].isCompleted()) {
        scope.cancel("request withdrawn");
        ActivityFailure f = (ActivityFailure) answer[0].getFailure();
        CanceledFailure canceled = (CanceledFailure) f.getCause();
        return "withdrawn, acknowledged with: " + canceled.getDetails().get(String.class);
      }
      return answer[0].get();
    }

    @Override
    public void withdraw() {
      withdrawn = true;
    }
  }

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(ApprovalWorkflowImpl.class)
      .setActivityImplementations(new ApprovalActivitiesImpl())
      .build();

  @Before
  public void emptyInbox() {
    approvalInbox.clear();
  }

  private ApprovalWorkflow startApproval(String workflowId, String request) {
    ApprovalWorkflow workflow = testWorkflowRule.getWorkflowClient().newWorkflowStub(ApprovalWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
    WorkflowClient.start(workflow::approve, request);
    return workflow;
  }

  private static byte[] nextTaskToken() throws InterruptedException {
    byte[] token = approvalInbox.poll(10, TimeUnit.SECONDS);
    assertNotNull("the approval activity did not start within 10 s", token);
    return token;
  }

  private ActivityCompletionClient completionClient() {
    return testWorkflowRule.getWorkflowClient().newActivityCompletionClient();
  }

  @Test
  public void complete_shouldGiveTheWorkflowTheResult_whenAnotherSystemCompletesByTaskToken() throws Exception {
    ApprovalWorkflow workflow = startApproval("approval-1", "new laptop");

    completionClient().complete(nextTaskToken(), "approved by Ann");

    assertEquals("approved by Ann", WorkflowStub.fromTyped(workflow).getResult(String.class));
  }

  @Test
  public void completeExceptionally_shouldFailTheWorkflowWithActivityFailure_whenTheApprovalIsDenied()
      throws Exception {
    ApprovalWorkflow workflow = startApproval("approval-2", "first-class flight");

    completionClient().completeExceptionally(nextTaskToken(),
        ApplicationFailure.newNonRetryableFailure("over budget", "ApprovalDenied"));

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(workflow).getResult(String.class));
    ActivityFailure activityFailure = (ActivityFailure) e.getCause();
    ApplicationFailure denial = (ApplicationFailure) activityFailure.getCause();
    assertEquals("ApprovalDenied", denial.getType());
    assertEquals("over budget", denial.getOriginalMessage());
  }

  @Test
  public void reportCancellation_shouldEndTheActivityAsCanceled_whenAHeartbeatLearnsTheWorkflowCanceledIt()
      throws Exception {
    ApprovalWorkflow workflow = startApproval("approval-3", "conference trip");
    byte[] token = nextTaskToken();
    completionClient().heartbeat(token, "waiting for Ann"); // not canceled yet: no exception

    workflow.withdraw();

    // The other system learns of the cancellation on its next heartbeat, as a worker's activity would.
    ActivityCompletionException seen = awaitCancellationThroughHeartbeat(token);
    assertTrue(seen.toString(), seen instanceof ActivityCanceledException);
    completionClient().reportCancellation(token, "Ann was told");
    assertEquals("withdrawn, acknowledged with: Ann was told",
        WorkflowStub.fromTyped(workflow).getResult(String.class));
  }

  /** Heartbeats until one throws: the workflow's cancel is recorded by its next decision, not at once. */
  private ActivityCompletionException awaitCancellationThroughHeartbeat(byte[] token) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try {
        completionClient().heartbeat(token, "still waiting");
      } catch (ActivityCompletionException e) {
        return e;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no heartbeat learned of the cancellation within 10 s");
  }
}
