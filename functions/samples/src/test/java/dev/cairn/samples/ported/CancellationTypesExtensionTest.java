package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityCancellationType;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.enums.v1.ParentClosePolicy;
import dev.cairn.client.ActivityCompletionException;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.CancellationScope;
import dev.cairn.workflow.ChildWorkflowCancellationType;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three cancellation types of activities and of child workflows, set through the options
 * builders, each seen in what it changes: when the caller gets its CanceledFailure, what the
 * history records, and whether the activity or child learns of the cancellation.
 */
class CancellationTypesExtensionTest {
  @ActivityInterface
  public interface DownloadActivities {
    /** Downloads in chunks, heartbeating, until told to stop. */
    String download(String workflowId, String file);
  }

  /** Signals its workflow once running; completes {@link #stoppedBy} with what its heartbeat threw. */
  static class DownloadActivitiesImpl implements DownloadActivities {
    final CompletableFuture<String> stoppedBy = new CompletableFuture<>();
    private final WorkflowClient client;

    DownloadActivitiesImpl(WorkflowClient client) {
      this.client = client;
    }

    @Override
    public String download(String workflowId, String file) {
      client.newWorkflowStub(DownloadWorkflow.class, workflowId).downloadStarted();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      try {
        while (System.nanoTime() < deadline) {
          Activity.getExecutionContext().heartbeat(null);
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // one chunk
        }
        stoppedBy.complete("nothing: ran out of time");
        return "downloaded";
      } catch (ActivityCompletionException e) {
        stoppedBy.complete(e.getClass().getSimpleName());
        throw e;
      }
    }
  }

  @WorkflowInterface
  public interface DownloadWorkflow {
    /** Starts the download in a scope, cancels the scope once it runs; answers what the promise failed with. */
    @WorkflowMethod
    String downloadThenStop(String file, ActivityCancellationType cancellationType);

    @SignalMethod
    void downloadStarted();
  }

  public static class DownloadWorkflowImpl implements DownloadWorkflow {
    private boolean started;

    @Override
    public String downloadThenStop(String file, ActivityCancellationType cancellationType) {
      DownloadActivities activities = Workflow.newActivityStub(DownloadActivities.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(1))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .setCancellationType(cancellationType)
          .build());
      List<Promise<String>> download = new ArrayList<>();
      CancellationScope scope = Workflow.newCancellationScope(
          () -> download.add(Async.function(activities::download, Workflow.getInfo().getWorkflowId(), file)));
      scope.run();
      Workflow.await(() -> started);
      scope.cancel("user pressed stop");
      return download.get(0).getFailure().getCause().getClass().getSimpleName();
    }

    @Override
    public void downloadStarted() {
      started = true;
    }
  }

  @WorkflowInterface
  public interface ReportWorkflow {
    /** Works for a day; when cancelled, spends an hour cleaning up, then ends cancelled. */
    @WorkflowMethod
    String compile();
  }

  public static class ReportWorkflowImpl implements ReportWorkflow {
    @Override
    public String compile() {
      try {
        Workflow.sleep(Duration.ofDays(1));
        return "compiled";
      } catch (CanceledFailure e) {
        Workflow.newDetachedCancellationScope(() -> Workflow.sleep(Duration.ofHours(1))).run();
        throw e;
      }
    }
  }

  @WorkflowInterface
  public interface ReportingWorkflow {
    /**
     * Starts the report as a child, cancels it once started; answers the failure and the minutes it
     * waited for it, five minutes later.
     */
    @WorkflowMethod
    String startThenStop(ChildWorkflowCancellationType cancellationType);
  }

  public static class ReportingWorkflowImpl implements ReportingWorkflow {
    @Override
    public String startThenStop(ChildWorkflowCancellationType cancellationType) {
      ReportWorkflow report = Workflow.newChildWorkflowStub(ReportWorkflow.class, ChildWorkflowOptions.newBuilder()
          .setWorkflowId(Workflow.getInfo().getWorkflowId() + "-report")
          .setCancellationType(cancellationType)
          .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON) // only the cancellation type acts
          .build());
      List<Promise<String>> compiled = new ArrayList<>();
      CancellationScope scope = Workflow.newCancellationScope(() -> compiled.add(Async.function(report::compile)));
      scope.run();
      Workflow.getWorkflowExecution(report).get();
      long cancelledAt = Workflow.currentTimeMillis();
      scope.cancel();
      RuntimeException failure = compiled.get(0).getFailure();
      String outcome = failure.getClass().getSimpleName() + " after " + (Workflow.currentTimeMillis() - cancelledAt) / 60_000 + " min";
      // Stays open a while: as in Temporal, a cancel request is not delivered once its requester has closed.
      Workflow.sleep(Duration.ofMinutes(5));
      return outcome;
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(DownloadWorkflowImpl.class, ReportWorkflowImpl.class, ReportingWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private static DownloadActivitiesImpl startWithDownloads(TestWorkflowEnvironment testEnv, Worker worker) {
    DownloadActivitiesImpl activities = new DownloadActivitiesImpl(testEnv.getWorkflowClient());
    worker.registerActivitiesImplementations(activities);
    testEnv.start();
    return activities;
  }

  private static DownloadWorkflow newDownload(WorkflowClient client, WorkflowOptions options, String workflowId) {
    return client.newWorkflowStub(DownloadWorkflow.class, options.toBuilder().setWorkflowId(workflowId).build());
  }

  private static List<EventType> events(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents().stream().map(e -> e.getEventType()).toList();
  }

  @Test
  void tryCancel_shouldFailTheActivityAtOnceAndRequestCancellation_whenTheScopeIsCancelled(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) throws Exception {
    DownloadActivitiesImpl activities = startWithDownloads(testEnv, worker);

    String failure = newDownload(client, options, "download-try").downloadThenStop("a.iso", ActivityCancellationType.TRY_CANCEL);

    assertEquals("CanceledFailure", failure);
    List<EventType> events = events(client, "download-try");
    assertTrue(events.contains(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED), events.toString());
    assertFalse(events.subList(0, events.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED))
        .contains(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED), "the workflow did not wait for the activity: " + events);
    activities.stoppedBy.get(30, TimeUnit.SECONDS); // let the activity wind down before the environment closes
  }

  @Test
  void waitCancellationCompleted_shouldFailOnlyOnceTheActivitySawTheCancellation_whenTheScopeIsCancelled(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) {
    DownloadActivitiesImpl activities = startWithDownloads(testEnv, worker);

    String failure = newDownload(client, options, "download-wait")
        .downloadThenStop("b.iso", ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);

    assertEquals("CanceledFailure", failure);
    assertEquals("ActivityCanceledException", activities.stoppedBy.getNow("still running"),
        "the activity's heartbeat reported the cancellation before the workflow went on");
    List<EventType> events = events(client, "download-wait");
    assertTrue(events.indexOf(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED) >= 0, events.toString());
    assertTrue(events.indexOf(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED) < events.indexOf(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED)
        && events.indexOf(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED) < events.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED),
        events.toString());
  }

  @Test
  void abandon_shouldFailAtOnceWithoutTellingTheActivity_whenTheScopeIsCancelled(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) throws Exception {
    DownloadActivitiesImpl activities = startWithDownloads(testEnv, worker);

    String failure = newDownload(client, options, "download-abandon").downloadThenStop("c.iso", ActivityCancellationType.ABANDON);

    assertEquals("CanceledFailure", failure);
    assertFalse(events(client, "download-abandon").contains(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED));
    assertEquals("ActivityNotExistsException", activities.stoppedBy.get(30, TimeUnit.SECONDS),
        "the activity learned only that its workflow had closed, never of a cancellation");
  }

  private static String startThenStop(TestWorkflowEnvironment testEnv, WorkflowOptions options, String workflowId,
      ChildWorkflowCancellationType cancellationType) {
    testEnv.start();
    return testEnv.getWorkflowClient().newWorkflowStub(ReportingWorkflow.class,
        options.toBuilder().setWorkflowId(workflowId).build()).startThenStop(cancellationType);
  }

  @Test
  void childTryCancel_shouldFailAtOnceWhileTheChildStillCleansUp_whenTheScopeIsCancelled(
      TestWorkflowEnvironment testEnv, WorkflowClient client, WorkflowOptions options) {
    assertEquals("ChildWorkflowFailure after 0 min",
        startThenStop(testEnv, options, "reporting-try", ChildWorkflowCancellationType.TRY_CANCEL));

    List<EventType> parent = events(client, "reporting-try");
    assertTrue(parent.contains(EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED), parent.toString());
    assertFalse(parent.contains(EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED),
        "the parent closed while the child still cleaned up: " + parent);
    WorkflowFailedException child = assertThrows(WorkflowFailedException.class,
        () -> client.newUntypedWorkflowStub("reporting-try-report").getResult(String.class));
    assertInstanceOf(CanceledFailure.class, child.getCause(), "the child was still told to cancel");
  }

  @Test
  void childWaitCancellationCompleted_shouldWaitForTheChildsCleanup_whenTheScopeIsCancelled(
      TestWorkflowEnvironment testEnv, WorkflowClient client, WorkflowOptions options) {
    assertEquals("ChildWorkflowFailure after 60 min",
        startThenStop(testEnv, options, "reporting-wait", ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED));

    List<EventType> parent = events(client, "reporting-wait");
    assertTrue(parent.contains(EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED), parent.toString());
    assertTrue(parent.indexOf(EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED)
        < parent.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED), parent.toString());
  }

  @Test
  void childAbandon_shouldFailAtOnceAndLeaveTheChildRunning_whenTheScopeIsCancelled(
      TestWorkflowEnvironment testEnv, WorkflowClient client, WorkflowOptions options) {
    assertEquals("ChildWorkflowFailure after 0 min",
        startThenStop(testEnv, options, "reporting-abandon", ChildWorkflowCancellationType.ABANDON));

    List<EventType> parent = events(client, "reporting-abandon");
    assertFalse(parent.contains(EventType.EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED), parent.toString());
    assertEquals("compiled", client.newUntypedWorkflowStub("reporting-abandon-report").getResult(String.class),
        "the abandoned child worked its full day");
  }
}
