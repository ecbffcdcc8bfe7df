package dev.cairn.lambda;

import static dev.cairn.lambda.Harness.noFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision function delivers a workflow's signal to another workflow from the decision queue, once. */
class DecisionHandlerExternalSignalTest {
  final Harness h = new Harness();

  /** The recipient is named after the input every harness start passes ("order-42"). */
  private static final String RECIPIENT = "order-42";

  @Test
  void handleRequest_shouldSignalTheTargetOnceAndRecordTheOutcome_whenTheSignalTaskIsDeliveredTwice() {
    ExecutionKey recipient = h.start("Recipient", RECIPIENT);
    noFailures(h.decide(h.delivery(h.takeOne(Task.DecisionTask.class))));
    ExecutionKey sender = h.start("Sender", "sender-1");
    noFailures(h.decide(h.delivery(h.takeOne(Task.DecisionTask.class))));
    SQSMessage signal = h.delivery(h.takeOne(Task.SignalExternalTask.class));

    noFailures(h.decide(signal));

    assertEquals(1, h.eventTypes(recipient).stream().filter("WorkflowExecutionSignaled"::equals).count());
    assertTrue(h.eventTypes(sender).contains("ExternalWorkflowExecutionSignaled"), h.eventTypes(sender).toString());
    List<OutboxTask> decisions = h.take(Task.DecisionTask.class);
    assertEquals(List.of(recipient, sender), decisions.stream().map(t -> t.task().key()).toList(),
        "each run decides on its new event");
    List<String> recipientEvents = h.eventTypes(recipient);
    List<String> senderEvents = h.eventTypes(sender);

    noFailures(h.decide(signal));

    assertEquals(recipientEvents, h.eventTypes(recipient), "the duplicate signals nothing");
    assertEquals(senderEvents, h.eventTypes(sender));
    assertTrue(h.sent.isEmpty(), "nothing sent: " + h.sent);
    noFailures(h.decide(decisions.stream().map(h::delivery).toArray(SQSMessage[]::new)));
    assertEquals("COMPLETED", h.record(recipient).status().shortName());
    assertEquals("COMPLETED", h.record(sender).status().shortName());
  }
}
