package dev.cairn.lambda;

import static dev.cairn.lambda.Harness.noFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerHandlerTest {
  final Harness h = new Harness();

  OutboxTask timeoutCheck(List<OutboxTask> tasks, TimeoutType type) {
    return tasks.stream().filter(t -> ((Task.ActivityTimeoutTask) t.task()).timeoutType() == type).findFirst().orElseThrow();
  }

  @Test
  void decision_shouldCommitScheduleTimeoutChecks_dueAtTheirDeadlines() {
    h.startAndSchedule("QueuedPayment", "pay-checks");
    List<OutboxTask> checks = h.take(Task.ActivityTimeoutTask.class);

    assertEquals(Harness.T0.plus(Duration.ofMinutes(1)), timeoutCheck(checks, TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START).visibleAt());
    assertEquals(Harness.T0.plus(Duration.ofMinutes(10)), timeoutCheck(checks, TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE).visibleAt());
  }

  @Test
  void handleRequest_shouldTimeTheActivityOut_whenNoWorkerPickedItUpInTime() {
    OutboxTask activity = h.startAndSchedule("QueuedPayment", "pay-unpicked");
    OutboxTask check = timeoutCheck(h.take(Task.ActivityTimeoutTask.class), TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START);

    h.clock.advance(Duration.ofMinutes(1));
    noFailures(h.timers.handleRequest(SqsEvents.batch(h.delivery(check)), null));

    assertTrue(h.eventTypes(activity.task().key()).contains("ActivityTaskTimedOut"));
    // the activity's message, delivered late, is stale now
    int calls = h.charges.calls();
    noFailures(h.runActivities(h.delivery(activity)));
    assertEquals(calls, h.charges.calls());
  }

  @Test
  void handleRequest_shouldChangeNothing_whenTheActivityStartedBeforeItsScheduleToStartDeadline() {
    OutboxTask activity = h.startAndSchedule("QueuedPayment", "pay-picked");
    OutboxTask check = timeoutCheck(h.take(Task.ActivityTimeoutTask.class), TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START);
    h.charges.failNext(0);
    noFailures(h.runActivities(h.delivery(activity)));

    h.clock.advance(Duration.ofMinutes(1));
    noFailures(h.timers.handleRequest(SqsEvents.batch(h.delivery(check)), null));

    assertFalse(h.eventTypes(activity.task().key()).contains("ActivityTaskTimedOut"));
  }

  @Test
  void handleRequest_shouldTimeTheActivityOut_whenItsScheduleToCloseDeadlinePasses() {
    h.charges.failNext(1);
    OutboxTask activity = h.startAndSchedule("QueuedPayment", "pay-s2c");
    OutboxTask check = timeoutCheck(h.take(Task.ActivityTimeoutTask.class), TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE);
    noFailures(h.runActivities(h.delivery(activity))); // attempt 1 fails; attempt 2 is pending

    h.clock.advance(Duration.ofMinutes(10));
    noFailures(h.timers.handleRequest(SqsEvents.batch(h.delivery(check)), null));

    assertTrue(h.eventTypes(activity.task().key()).contains("ActivityTaskTimedOut"));
    assertTrue(h.record(activity.task().key()).state().activities().isEmpty());
  }
}
