package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.samples.hello.HelloTimer.ReminderActivities;
import dev.cairn.samples.hello.HelloTimer.ReminderWorkflow;
import dev.cairn.samples.hello.HelloTimer.ReminderWorkflowImpl;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** HelloTimer with the JUnit 5 extension: a day-long timer skipped in test time, a mock told how long. */
class HelloTimerExtensionTest {
  private static final long ONE_DAY_MILLIS = 86_400_000L;

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(ReminderWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  @Test
  void remind_shouldTellTheActivityTheWholeDelay_whenADayIsSkipped(
      TestWorkflowEnvironment testEnv, Worker worker, ReminderWorkflow workflow) {
    ReminderActivities activities = mock(ReminderActivities.class, withSettings().withoutAnnotations());
    when(activities.composeReminder(eq("Ada"), anyLong())).thenReturn("wake up, Ada");
    worker.registerActivitiesImplementations(activities);
    testEnv.start();
    long before = testEnv.currentTimeMillis();

    assertEquals("wake up, Ada", workflow.remind("Ada", 86_400));

    ArgumentCaptor<Long> slept = ArgumentCaptor.forClass(Long.class);
    verify(activities).composeReminder(eq("Ada"), slept.capture());
    // the workflow reads its clock when the decision after the timer runs: the day, plus at most a moment
    assertTrue(slept.getValue() >= ONE_DAY_MILLIS && slept.getValue() < ONE_DAY_MILLIS + 60_000,
        "slept " + slept.getValue() + " ms");
    assertTrue(testEnv.currentTimeMillis() - before >= ONE_DAY_MILLIS, "a day of test time passed");
  }
}
