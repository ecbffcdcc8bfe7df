package dev.cairn.lambda;

import static dev.cairn.lambda.Harness.failedIds;
import static dev.cairn.lambda.Harness.noFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.aws.sqs.SqsTaskDispatcher;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecisionHandlerTest {
  final Harness h = new Harness();

  @AfterEach
  void fixCode() {
    PaymentWorkflows.BuggyPaymentImpl.broken = false;
  }

  @Test
  void handleRequest_shouldChangeNothing_whenTheDecisionMessageIsADuplicate() {
    ExecutionKey key = h.start("Payment", "pay-dup");
    SQSMessage message = h.delivery(h.takeOne(Task.DecisionTask.class));
    noFailures(h.decide(message));
    ExecutionRecord after = h.record(key);
    List<String> events = h.eventTypes(key);
    h.sent.clear();

    noFailures(h.decide(message));

    assertEquals(after, h.record(key), "the run's record and version are unchanged");
    assertEquals(events, h.eventTypes(key));
    assertTrue(h.sent.isEmpty(), "nothing sent: " + h.sent);
  }

  @Test
  void handleRequest_shouldDecideOnce_whenABatchHoldsSeveralMessagesOfOneRun() {
    ExecutionKey key = h.start("Payment", "pay-batch");
    OutboxTask decision = h.takeOne(Task.DecisionTask.class);

    noFailures(h.decide(h.delivery(decision), h.delivery(decision), h.delivery(decision)));

    assertEquals(1, h.take(Task.ActivityTask.class).size(), "one activity scheduled");
    assertEquals(1, h.eventTypes(key).stream().filter("WorkflowTaskCompleted"::equals).count());
  }

  @Test
  void handleRequest_shouldAcknowledgeMalformedMessages_withoutFailingTheBatch() {
    ExecutionKey key = h.start("Payment", "pay-malformed");
    SQSEvent event = SqsEvents.fixture("sqs-malformed-batch.json");
    List<SQSMessage> records = new ArrayList<>(event.getRecords());
    records.add(h.delivery(h.takeOne(Task.DecisionTask.class)));

    SQSBatchResponse response = h.decisions.handleRequest(SqsEvents.batch(records), null);

    assertEquals(List.of(), failedIds(response), "malformed, unknown-version and unknown-type messages are acknowledged");
    assertEquals(1, h.take(Task.ActivityTask.class).size(), "the good message in the batch was handled");
    assertTrue(h.eventTypes(key).contains("ActivityTaskScheduled"));
  }

  @Test
  void handleRequest_shouldKeepTheRunOpenAndRetryLater_whenWorkflowCodeFails() {
    PaymentWorkflows.BuggyPaymentImpl.broken = true;
    ExecutionKey key = h.start("BuggyPayment", "pay-bug");

    noFailures(h.decide(h.delivery(h.takeOne(Task.DecisionTask.class))));

    OutboxTask retry = h.takeOne(Task.DecisionTask.class);
    assertEquals(Harness.T0.plus(Duration.ofSeconds(10)), retry.visibleAt(), "first retry after 10 s");
    ExecutionRecord rec = h.record(key);
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, rec.status());
    assertEquals(1, rec.state().decisionFailures());
    assertTrue(rec.state().lastDecisionFailure().contains("bug in workflow code"), rec.state().lastDecisionFailure());

    // still broken: the next retry waits twice as long
    h.clock.advance(Duration.ofSeconds(10));
    noFailures(h.decide(h.delivery(retry)));
    OutboxTask second = h.takeOne(Task.DecisionTask.class);
    assertEquals(h.clock.instant().plus(Duration.ofSeconds(20)), second.visibleAt());

    // fixed code deployed: the delayed retry resumes the run by itself
    PaymentWorkflows.BuggyPaymentImpl.broken = false;
    h.clock.advance(Duration.ofSeconds(20));
    noFailures(h.decide(h.delivery(second)));
    assertEquals(1, h.take(Task.ActivityTask.class).size());
    assertEquals(0, h.record(key).state().decisionFailures());
  }

  @Test
  void handleRequest_shouldSendItOnWithTheRemainingDelay_whenADecisionArrivesBeforeItIsDue() {
    PaymentWorkflows.BuggyPaymentImpl.broken = true;
    h.start("BuggyPayment", "pay-early");
    noFailures(h.decide(h.delivery(h.takeOne(Task.DecisionTask.class))));
    OutboxTask retry = h.takeOne(Task.DecisionTask.class);
    int failuresBefore = h.record(new ExecutionKey("pay-early", retry.task().key().runId())).state().decisionFailures();

    h.clock.advance(Duration.ofSeconds(4));
    noFailures(h.decide(h.delivery(retry)));

    assertEquals(List.of(retry), h.take(Task.DecisionTask.class), "the same task, sent on");
    assertEquals(6, SqsTaskDispatcher.delaySeconds(retry.visibleAt(), h.clock.instant()));
    assertEquals(failuresBefore, h.record(retry.task().key()).state().decisionFailures(), "no decision ran");
  }

  @Test
  void handleRequest_shouldReportOnlyTheFailingMessages_whenTheStoreFailsForOneRun() {
    h.start("Payment", "pay-ok");
    OutboxTask ok = h.takeOne(Task.DecisionTask.class);
    h.start("Payment", "pay-down");
    OutboxTask down = h.takeOne(Task.DecisionTask.class);
    h.store.unavailableFor("pay-down");
    SQSMessage okMessage = h.delivery(ok);
    SQSMessage downMessage = h.delivery(down);
    SQSMessage downDuplicate = h.delivery(down);

    SQSBatchResponse response = h.decide(okMessage, downMessage, downDuplicate);

    assertEquals(List.of(downMessage.getMessageId(), downDuplicate.getMessageId()), failedIds(response).stream().sorted().toList());
    assertEquals(1, h.take(Task.ActivityTask.class).size(), "the healthy run was decided");
  }

  @Test
  void handleRequest_shouldRunLocalActivityInTheDecision_whenWorkflowCallsOne() {
    h.charges.failNext(1);
    ExecutionKey key = h.start("LocalPayment", "pay-local");

    noFailures(h.decide(h.delivery(h.takeOne(Task.DecisionTask.class))));

    assertEquals(2, h.charges.calls(), "a failed attempt and its retry, inside the decision");
    assertTrue(h.take(Task.ActivityTask.class).isEmpty(), "no activity task goes through the queue");
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, h.record(key).status());
    List<String> events = h.eventTypes(key);
    assertTrue(events.contains("MarkerRecorded"), "" + events);
  }
}
