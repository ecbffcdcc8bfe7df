package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.cairn.api.history.v1.HistoryEvent;
import dev.cairn.api.history.v1.WorkflowExecutionStartedEventAttributes;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;

/**
 * A test reading the start delay back from history, as Temporal's HelloDelayedStartTest does:
 * {@code fetchHistory(id).getHistory().getEvents(0).getWorkflowExecutionStartedEventAttributes()
 * .getFirstWorkflowTaskBackoff().getSeconds()}.
 */
public class DelayedStartHistoryRuleTest {

  @WorkflowInterface
  public interface Reminder {
    @WorkflowMethod
    void remind();
  }

  public static class ReminderImpl implements Reminder {
    @Override
    public void remind() {
      Workflow.sleep(Duration.ofSeconds(1));
    }
  }

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder().setWorkflowTypes(ReminderImpl.class).build();

  private WorkflowExecutionHistory run(String workflowId, WorkflowOptions.Builder options) {
    Reminder reminder = testWorkflowRule.getWorkflowClient().newWorkflowStub(Reminder.class,
        options.setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
    reminder.remind();
    return testWorkflowRule.getWorkflowClient().fetchHistory(workflowId);
  }

  @Test
  public void firstWorkflowTaskBackoff_shouldBeTheStartDelay_whenTheWorkflowWasStartedWithOne() {
    WorkflowExecutionHistory history = run("delayed-reminder", WorkflowOptions.newBuilder()
        .setStartDelay(Duration.ofSeconds(2)));

    HistoryEvent first = history.getHistory().getEvents(0);
    assertTrue(first.hasWorkflowExecutionStartedEventAttributes());
    WorkflowExecutionStartedEventAttributes started = first.getWorkflowExecutionStartedEventAttributes();
    assertEquals(2, started.getFirstWorkflowTaskBackoff().getSeconds());
    assertTrue(started.hasFirstWorkflowTaskBackoff());
    assertEquals(1, started.getAttempt());
    assertEquals("", started.getCronSchedule());
    assertEquals("", started.getContinuedExecutionRunId());
  }

  @Test
  public void firstWorkflowTaskBackoff_shouldBeZero_whenTheWorkflowStartedAtOnce() {
    WorkflowExecutionHistory history = run("prompt-reminder", WorkflowOptions.newBuilder());

    WorkflowExecutionStartedEventAttributes started =
        history.getHistory().getEvents(0).getWorkflowExecutionStartedEventAttributes();
    assertEquals(Duration.ZERO, started.getFirstWorkflowTaskBackoff());
    assertFalse(started.hasFirstWorkflowTaskBackoff());
  }

  @Test
  public void startedEventAttributes_shouldAllBeDefaults_whenReadFromAnotherEvent() {
    WorkflowExecutionHistory history = run("other-event", WorkflowOptions.newBuilder()
        .setStartDelay(Duration.ofSeconds(5)));

    HistoryEvent last = history.getLastEvent();
    assertFalse(last.hasWorkflowExecutionStartedEventAttributes());
    assertEquals(Duration.ZERO, last.getWorkflowExecutionStartedEventAttributes().getFirstWorkflowTaskBackoff());
    assertEquals(0, last.getWorkflowExecutionStartedEventAttributes().getAttempt());
  }
}
