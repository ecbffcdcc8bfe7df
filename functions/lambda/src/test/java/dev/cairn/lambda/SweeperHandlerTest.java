package dev.cairn.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.internal.service.StartRequest;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweeperHandlerTest {
  @Test
  void handleRequest_shouldResendTasksCommittedButNeverSent_onceTheGraceHasPassed() {
    Harness.ManualClock clock = new Harness.ManualClock(Harness.T0);
    List<OutboxTask> sent = new ArrayList<>();
    boolean[] queueDown = {true};
    CairnRuntime runtime = CairnRuntime.newBuilder()
        .setStore(new InMemoryHistoryStore(clock))
        .setDispatcher(tasks -> {
          if (queueDown[0]) {
            throw new IllegalStateException("SQS unavailable (test)");
          }
          sent.addAll(tasks);
        })
        .setClock(clock)
        .build();
    assertThrows(IllegalStateException.class, () -> runtime.service().start(new StartRequest("lost-start", "Payment",
        PaymentWorkflows.TASK_QUEUE, null, null, null, null, null, null, null, null, null, null, null)));
    queueDown[0] = false;
    SweeperHandler sweeper = new SweeperHandler(runtime);

    assertEquals(0, sweeper.handleRequest(null, null), "within the grace period the send may still be under way");
    clock.advance(Duration.ofMinutes(2));
    assertEquals(1, sweeper.handleRequest(null, null));
    assertEquals(1, sent.size());
    assertEquals(Task.DecisionTask.class, sent.get(0).task().getClass());
    assertEquals(0, sweeper.handleRequest(null, null), "marked sent: not sent twice");
  }
}
