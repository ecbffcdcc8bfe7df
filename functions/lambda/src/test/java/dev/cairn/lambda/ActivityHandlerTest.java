package dev.cairn.lambda;

import static dev.cairn.lambda.Harness.noFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.internal.aws.sqs.SqsTaskDispatcher;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.PendingActivity;
import dev.cairn.internal.store.Task;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityHandlerTest {
  final Harness h = new Harness();

  @Test
  void handleRequest_shouldRecordTheResultAndHoldTheMessageForStartToClose_whenTheAttemptSucceeds() {
    OutboxTask activity = h.startAndSchedule("Payment", "pay-ok");

    noFailures(h.runActivities(h.delivery(activity)));

    assertEquals(List.of(Duration.ofSeconds(35)), h.holds, "start-to-close 30 s plus the margin");
    List<String> events = h.eventTypes(activity.task().key());
    assertTrue(events.containsAll(List.of("ActivityTaskStarted", "ActivityTaskCompleted")), events.toString());
    assertEquals(1, h.take(Task.DecisionTask.class).size(), "the result wakes the workflow");
  }

  @Test
  void handleRequest_shouldResendWithThePolicysDelay_whenTheAttemptFails() {
    h.charges.failNext(1);
    OutboxTask activity = h.startAndSchedule("Payment", "pay-fail");

    noFailures(h.runActivities(h.delivery(activity)));

    OutboxTask retry = h.takeOne(Task.ActivityTask.class);
    assertEquals(2, ((Task.ActivityTask) retry.task()).attempt());
    assertEquals(2, SqsTaskDispatcher.delaySeconds(retry.visibleAt(), h.clock.instant()), "DelaySeconds = initial interval");
    PendingActivity pending = h.pending(activity.task().key());
    assertEquals(2, pending.attempt());
    assertTrue(pending.lastFailure().message().contains("card service unavailable"), pending.lastFailure().message());
  }

  @Test
  void handleRequest_shouldAcknowledgeAndChangeNothing_whenTheMessageIsOfAnOlderAttempt() {
    h.charges.failNext(1);
    OutboxTask first = h.startAndSchedule("Payment", "pay-stale");
    noFailures(h.runActivities(h.delivery(first)));
    h.take(Task.ActivityTask.class);
    ExecutionRecord before = h.record(first.task().key());
    int calls = h.charges.calls();

    noFailures(h.runActivities(h.delivery(first), h.redelivery(first, 2, h.clock.instant())));

    assertEquals(before, h.record(first.task().key()));
    assertEquals(calls, h.charges.calls(), "the stale attempt did not run");
    assertTrue(h.sent.isEmpty(), "nothing sent: " + h.sent);
  }

  @Test
  void handleRequest_shouldRecordATimeoutAndRetryPerPolicy_whenTheAttemptsMessageComesBack() {
    OutboxTask activity = h.startAndSchedule("Payment", "pay-crash");
    // the first delivery crashed; SQS delivers again once its 35 s visibility has passed
    var firstReceived = h.clock.instant();
    h.clock.advance(Duration.ofSeconds(35));

    noFailures(h.runActivities(h.redelivery(activity, 2, firstReceived)));

    assertEquals(0, h.charges.calls(), "the returned message is not run again; the retry is");
    OutboxTask retry = h.takeOne(Task.ActivityTask.class);
    assertEquals(2, ((Task.ActivityTask) retry.task()).attempt());
    assertEquals(2, SqsTaskDispatcher.delaySeconds(retry.visibleAt(), h.clock.instant()));
    PendingActivity pending = h.pending(activity.task().key());
    assertNotNull(pending.lastFailure().timeoutFailureInfo());
    assertEquals(TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE, pending.lastFailure().timeoutFailureInfo().timeoutType());

    h.clock.advance(Duration.ofSeconds(2));
    noFailures(h.runActivities(h.delivery(retry)));
    assertTrue(h.eventTypes(activity.task().key()).contains("ActivityTaskCompleted"));
  }

  @Test
  void handleRequest_shouldChainTheDelay_whenARetryIsDueLaterThanFifteenMinutes() {
    h.charges.failNext(1);
    OutboxTask activity = h.startAndSchedule("SlowRetryPayment", "pay-slow");
    noFailures(h.runActivities(h.delivery(activity)));
    OutboxTask retry = h.takeOne(Task.ActivityTask.class);
    assertEquals(900, SqsTaskDispatcher.delaySeconds(retry.visibleAt(), h.clock.instant()), "first leg: SQS's maximum");

    h.clock.advance(Duration.ofMinutes(15));
    noFailures(h.runActivities(h.delivery(retry)));
    assertEquals(List.of(retry), h.take(Task.ActivityTask.class), "sent on, not run");
    assertEquals(1, h.charges.calls());
    assertEquals(300, SqsTaskDispatcher.delaySeconds(retry.visibleAt(), h.clock.instant()), "second leg: the rest");

    h.clock.advance(Duration.ofMinutes(5));
    noFailures(h.runActivities(h.delivery(retry)));
    assertEquals(2, h.charges.calls());
    assertTrue(h.eventTypes(activity.task().key()).contains("ActivityTaskCompleted"));
  }

  @Test
  void handleRequest_shouldRunEachAttempt_whenABatchHoldsActivitiesOfSeveralRuns() {
    OutboxTask a = h.startAndSchedule("Payment", "pay-a");
    OutboxTask b = h.startAndSchedule("Payment", "pay-b");

    noFailures(h.runActivities(h.delivery(a), h.delivery(b)));

    for (ExecutionKey key : List.of(a.task().key(), b.task().key())) {
      assertTrue(h.eventTypes(key).contains("ActivityTaskCompleted"), key.toString());
    }
  }
}
