package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.withSettings;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.testing.WorkflowReplayer;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/**
 * Temporal's mutableSideEffect pattern: a workflow polls a config value once an hour and acts on a
 * change; history records the value only when it changed, and replay reads it from there.
 */
class MutableSideEffectExtensionTest {
  /** The config the workflow polls, one reading per poll: what an environment lookup would return. */
  static final List<Integer> RATE_LIMITS = List.of(10, 10, 20, 20, 30);
  static final AtomicInteger READS = new AtomicInteger();

  static int readRateLimit() {
    return RATE_LIMITS.get(READS.getAndIncrement());
  }

  @ActivityInterface
  public interface Throttle {
    void apply(int limit);
  }

  @WorkflowInterface
  public interface RateLimitWatcher {
    @WorkflowMethod
    int watch(int polls);
  }

  public static class RateLimitWatcherImpl implements RateLimitWatcher {
    private final Throttle throttle = Workflow.newActivityStub(Throttle.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public int watch(int polls) {
      int applied = -1;
      for (int i = 0; i < polls; i++) {
        int limit = Workflow.mutableSideEffect("rate-limit", Integer.class,
            (stored, fresh) -> !stored.equals(fresh), MutableSideEffectExtensionTest::readRateLimit);
        if (limit != applied) {
          throttle.apply(limit);
          applied = limit;
        }
        Workflow.sleep(Duration.ofHours(1));
      }
      return applied;
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(RateLimitWatcherImpl.class)
      .setDoNotStart(true)
      .build();

  @BeforeEach
  void resetConfig() {
    READS.set(0);
  }

  private static WorkflowExecutionHistory watchAll(TestWorkflowEnvironment testEnv, Worker worker,
      WorkflowClient client, WorkflowOptions options, Throttle throttle) {
    worker.registerActivitiesImplementations(throttle);
    testEnv.start();
    RateLimitWatcher workflow = client.newWorkflowStub(RateLimitWatcher.class,
        WorkflowOptions.newBuilder(options).setWorkflowId("rate-limit-watcher").build());
    assertEquals(30, workflow.watch(RATE_LIMITS.size()));
    return client.fetchHistory("rate-limit-watcher");
  }

  @Test
  void watch_shouldRecordAndApplyOnlyChangedLimits_whenPollingHourly(TestWorkflowEnvironment testEnv, Worker worker,
      WorkflowClient client, WorkflowOptions options) {
    Throttle throttle = mock(Throttle.class, withSettings().withoutAnnotations());

    WorkflowExecutionHistory history = watchAll(testEnv, worker, client, options, throttle);

    InOrder order = inOrder(throttle);
    order.verify(throttle).apply(10);
    order.verify(throttle).apply(20);
    order.verify(throttle).apply(30);
    verifyNoMoreInteractions(throttle);
    long markers = history.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED).count();
    assertEquals(3, markers, "one marker per change of the limit, none for the polls that saw no change");
    assertEquals(RATE_LIMITS.size(), READS.get(), "the config was read once per poll");
  }

  @Test
  void replayWorkflowExecution_shouldPassWithoutReadingConfig_whenHistoryHasTheRecordedLimits(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client, WorkflowOptions options) {
    WorkflowExecutionHistory history = watchAll(testEnv, worker, client, options,
        mock(Throttle.class, withSettings().withoutAnnotations()));
    int reads = READS.get();

    WorkflowReplayer.replayWorkflowExecution(history, RateLimitWatcherImpl.class);

    assertEquals(reads, READS.get(), "replay took the limits from the markers");
  }
}
