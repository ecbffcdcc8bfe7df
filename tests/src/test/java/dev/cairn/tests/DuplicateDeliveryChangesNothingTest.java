package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.tests.support.EmbeddedStack;
import dev.cairn.tests.support.QueueDepth;
import dev.cairn.tests.support.TaskMessages;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invariant 3: SQS delivers at least once. After an order completed, every task message it was sent
 * (decisions and activities) is delivered again, straight to the queues; each is consumed and
 * acknowledged, and the history does not change by a byte.
 */
class DuplicateDeliveryChangesNothingTest {
  private static final TaskMessages messages = new TaskMessages();

  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().dispatcher(messages).build();

  @Test
  void orderWorkflow_shouldKeepItsHistory_whenEveryTaskMessageIsDeliveredAgain() {
    String id = "order-duplicates-1";
    stack.api().start("OrderWorkflow", id, "order-3");
    stack.api().awaitCompleted(id, Scenarios.COMPLETES_WITHIN);
    String before = stack.api().rawHistory(id);
    String describedBefore = stack.api().describe(id).toString();
    List<TaskMessages.Sent> sent = messages.of(id);
    Set<String> types = new TreeSet<>();
    sent.forEach(s -> types.add(s.task().task().getClass().getSimpleName()));
    assertTrue(types.containsAll(Set.of("DecisionTask", "ActivityTask")), "captured " + types);

    Set<String> queues = new TreeSet<>();
    sent.forEach(s -> queues.add(s.queueUrl()));
    var baseline = QueueDepth.of(stack.sqs(), queues);
    for (TaskMessages.Sent s : sent) {
      stack.sqs().sendMessage(b -> b.queueUrl(s.queueUrl()).messageBody(s.body()));
    }
    QueueDepth.awaitDrained(stack.sqs(), baseline, Duration.ofSeconds(30));

    assertEquals(before, stack.api().rawHistory(id), "history unchanged, byte for byte");
    assertEquals(describedBefore, stack.api().describe(id).toString());
  }
}
