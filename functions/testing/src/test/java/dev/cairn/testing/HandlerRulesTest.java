package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowQueryException;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What query and update handlers may and may not do, and Workflow.await with signals. */
class HandlerRulesTest {
  @WorkflowInterface
  public interface Door {
    /** Waits up to {@code timeoutSeconds} for the door to open; returns whether it opened in time. */
    @WorkflowMethod
    boolean waitToOpen(int timeoutSeconds);

    @SignalMethod
    void open();

    @QueryMethod
    String peekSlowly();

    @QueryMethod
    String knockWithTimer();

    @UpdateMethod
    String lock(String key);

    @UpdateMethod
    int waitAndCount(int seconds);
  }

  public static class DoorImpl implements Door {
    private boolean open;
    private int waits;

    @Override
    public boolean waitToOpen(int timeoutSeconds) {
      boolean opened = Workflow.await(Duration.ofSeconds(timeoutSeconds), () -> open);
      Workflow.await(() -> waits > 0 || opened); // an update or the opening ends the run
      return opened;
    }

    @Override
    public void open() {
      open = true;
    }

    @Override
    public String peekSlowly() {
      Workflow.await(() -> open);
      return "open";
    }

    @Override
    public String knockWithTimer() {
      Workflow.newTimer(Duration.ofSeconds(1));
      return "knocked";
    }

    @Override
    public String lock(String key) {
      throw ApplicationFailure.newFailure("the lock is jammed", "Jammed");
    }

    @Override
    public int waitAndCount(int seconds) {
      Workflow.sleep(Duration.ofSeconds(seconds));
      return ++waits;
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(DoorImpl.class)
      .build();

  @Test
  void query_shouldFailClearly_whenTheHandlerBlocks(Door door) {
    WorkflowClient.start(door::waitToOpen, 3600);

    WorkflowQueryException e = assertThrows(WorkflowQueryException.class, door::peekSlowly);

    assertTrue(e.getCause().getMessage().contains("query handler peekSlowly must not block"), e.getCause().getMessage());
  }

  @Test
  void query_shouldFailClearly_whenTheHandlerCreatesACommand(Door door) {
    WorkflowClient.start(door::waitToOpen, 3600);

    WorkflowQueryException e = assertThrows(WorkflowQueryException.class, door::knockWithTimer);

    assertTrue(e.getCause().getMessage().contains("query handler knockWithTimer must not change the workflow"),
        e.getCause().getMessage());
  }

  @Test
  void update_shouldThrowTheHandlersFailure_whenTheHandlerThrowsApplicationFailure(Door door) {
    WorkflowClient.start(door::waitToOpen, 3600);

    WorkflowUpdateException e = assertThrows(WorkflowUpdateException.class, () -> door.lock("brass"));

    assertEquals("Jammed", assertInstanceOf(ApplicationFailure.class, e.getCause()).getType());
  }

  @Test
  void update_shouldReturnAfterTheHandlerSleeps_whenTimeIsSkipped(TestWorkflowEnvironment env, Door door) {
    WorkflowClient.start(door::waitToOpen, 3600);
    long before = env.currentTimeMillis();

    assertEquals(1, door.waitAndCount(600));

    assertTrue(env.currentTimeMillis() - before >= 600_000, "the handler's timer ran in test time");
    assertEquals(false, WorkflowStub.fromTyped(door).getResult(Boolean.class));
  }

  @Test
  void awaitWithTimeout_shouldReturnTrueBeforeTheTimeout_whenSignalled(TestWorkflowEnvironment env, Door door) {
    WorkflowClient.start(door::waitToOpen, 3600);
    long before = env.currentTimeMillis();

    door.open();

    assertEquals(true, WorkflowStub.fromTyped(door).getResult(Boolean.class));
    assertTrue(env.currentTimeMillis() - before < 3_600_000, "woke by the signal, not the timer");
  }

  @Test
  void replay_shouldMatchRecordedUpdates_whenHistoryHasAcceptedAndCompletedUpdates(WorkflowClient client, Door door)
      throws Exception {
    WorkflowClient.start(door::waitToOpen, 3600);
    door.waitAndCount(5);
    WorkflowStub.fromTyped(door).getResult(Boolean.class);

    WorkflowReplayer.replayWorkflowExecution(
        client.fetchHistory(WorkflowStub.fromTyped(door).getExecution().getWorkflowId()), DoorImpl.class);
  }
}
