package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityCancellationType;
import dev.cairn.activity.ActivityInfo;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.ActivityCanceledException;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * What activity code sees of its own execution, tested with the JUnit 4 rule: Activity.wrap for
 * checked exceptions, ActivityInfo (workflow id, type, attempt), and the ActivityCompletionException
 * a heartbeat throws once the workflow cancels the activity.
 */
public class ActivityContextRuleTest {
  @ActivityInterface
  public interface Inventory {
    String reserve(String sku);
  }

  @ActivityInterface
  public interface Manifests {
    String read(String path);
  }

  /** Reads a manifest file; the IOException is checked, so it leaves the method wrapped. */
  public static class ManifestsImpl implements Manifests {
    @Override
    public String read(String path) {
      try {
        return Files.readString(Path.of(path));
      } catch (IOException e) {
        throw Activity.wrap(e);
      }
    }
  }

  @ActivityInterface
  public interface Packing {
    String pack(String order);
  }

  /** What the packing activity saw: its info once started, and the exception its heartbeat threw. */
  static final BlockingQueue<ActivityInfo> packingStarted = new LinkedBlockingQueue<>();
  static final List<ActivityCompletionException> packingStopped = new CopyOnWriteArrayList<>();

  /** Packs box after box, heartbeating each, until the workflow cancels it. */
  public static class PackingImpl implements Packing {
    @Override
    public String pack(String order) {
      packingStarted.add(Activity.getExecutionContext().getInfo());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      try {
        for (int box = 1; System.nanoTime() < deadline; box++) {
          Activity.getExecutionContext().heartbeat(box);
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // packing one box
        }
        return "packed " + order + " without being canceled";
      } catch (ActivityCompletionException e) {
        packingStopped.add(e);
        throw e;
      }
    }
  }

  @WorkflowInterface
  public interface ReservationWorkflow {
    @WorkflowMethod
    String reserve(String sku);
  }

  public static class ReservationWorkflowImpl implements ReservationWorkflow {
    private final Inventory inventory = Workflow.newActivityStub(Inventory.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(1).setMaximumAttempts(5).build())
        .build());

    @Override
    public String reserve(String sku) {
      return inventory.reserve(sku);
    }
  }

  @WorkflowInterface
  public interface ManifestWorkflow {
    @WorkflowMethod
    String load(String path);
  }

  public static class ManifestWorkflowImpl implements ManifestWorkflow {
    private final Manifests manifests = Workflow.newActivityStub(Manifests.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build());

    @Override
    public String load(String path) {
      return manifests.read(path);
    }
  }

  @WorkflowInterface
  public interface PackingWorkflow {
    @WorkflowMethod
    String packOrder(String order);

    @SignalMethod
    void orderWithdrawn();
  }

  /** Packs until the order is withdrawn, then cancels the packing and waits for it to acknowledge. */
  public static class PackingWorkflowImpl implements PackingWorkflow {
    private boolean withdrawn;

    @Override
    public String packOrder(String order) {
      Packing packing = Workflow.newActivityStub(Packing.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(1)).setHeartbeatTimeout(Duration.ofMinutes(1))
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED).build());
      Promise<String>[] packed = new Promise[1];
      CancellationScope scope = Workflow.newCancellationScope(() -> packed[0] = Async.function(packing::pack, order));
      scope.run();
      Workflow.await(() -> withdrawn || packed[0].isCompleted());
      scope.cancel("order withdrawn");
      try {
        return packed[0].get();
      } catch (ActivityFailure f) {
        return "packing stopped: " + f.getCause().getClass().getSimpleName();
      }
    }

    @Override
    public void orderWithdrawn() {
      withdrawn = true;
    }
  }

  private final Inventory inventory = mock(Inventory.class, withSettings().withoutAnnotations());

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(ReservationWorkflowImpl.class, ManifestWorkflowImpl.class, PackingWorkflowImpl.class)
      .setActivityImplementations(inventory, new ManifestsImpl(), new PackingImpl())
      .build();

  @Before
  public void clearWhatActivitiesSaw() {
    packingStarted.clear();
    packingStopped.clear();
  }

  private <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId) {
    return testWorkflowRule.getWorkflowClient().newWorkflowStub(workflowInterface,
        WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
  }

  @Test
  public void wrap_shouldFailTheActivityWithTheCheckedExceptionsType_whenTheActivityRethrowsItWrapped() {
    String missing = "/no/such/dir/manifest-42.txt";

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> newWorkflowStub(ManifestWorkflow.class, "manifest-42").load(missing));

    ActivityFailure activityFailure = (ActivityFailure) e.getCause();
    ApplicationFailure original = (ApplicationFailure) activityFailure.getCause();
    assertEquals(NoSuchFileException.class.getName(), original.getType());
    assertTrue(original.getMessage(), original.getOriginalMessage().contains("manifest-42.txt"));
  }

  @Test
  public void getInfo_shouldNameWorkflowTypeAndAGrowingAttempt_whenTheActivityIsRetried() {
    List<String> seen = new CopyOnWriteArrayList<>();
    when(inventory.reserve(anyString())).thenAnswer(call -> {
      ActivityInfo info = Activity.getExecutionContext().getInfo();
      seen.add(info.getWorkflowId() + " " + info.getActivityType() + " #" + info.getAttempt());
      if (info.getAttempt() < 3) {
        throw new IllegalStateException("warehouse busy");
      }
      return "reserved " + call.getArgument(0) + " on attempt " + info.getAttempt();
    });

    String result = newWorkflowStub(ReservationWorkflow.class, "reservation-7").reserve("sku-7");

    assertEquals("reserved sku-7 on attempt 3", result);
    assertEquals(List.of("reservation-7 Reserve #1", "reservation-7 Reserve #2", "reservation-7 Reserve #3"), seen);
    verify(inventory, times(3)).reserve("sku-7");
  }

  @Test
  public void heartbeat_shouldThrowActivityCanceledException_whenTheWorkflowCancelsTheActivity() throws Exception {
    PackingWorkflow workflow = newWorkflowStub(PackingWorkflow.class, "packing-9");
    WorkflowClient.start(workflow::packOrder, "order-9");
    ActivityInfo started = packingStarted.poll(10, TimeUnit.SECONDS);
    assertNotNull("the packing activity did not start within 10 s", started);

    workflow.orderWithdrawn();

    assertEquals("packing stopped: " + CanceledFailure.class.getSimpleName(),
        WorkflowStub.fromTyped(workflow).getResult(String.class));
    assertEquals(1, packingStopped.size());
    ActivityCompletionException stopped = packingStopped.get(0);
    assertTrue(stopped.toString(), stopped instanceof ActivityCanceledException);
    assertEquals("packing-9", stopped.getWorkflowId());
    assertEquals("Pack", stopped.getActivityType());
    assertEquals(started.getActivityId(), stopped.getActivityId());
  }
}
