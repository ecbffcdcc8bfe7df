package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A roll call of 100: 100 people answer at once, each by a signal; none is lost. */
class SignalsAreAllHandledTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void rollCall_shouldHandleEverySignal_when100AreSentConcurrently() throws Exception {
    CairnHttp api = stack.api();
    api.start("RollCallWorkflow", "roll-call-e2e", 100);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(20);
    List<Future<CairnHttp.Reply>> replies = new ArrayList<>();
    long started;
    try {
      for (int i = 0; i < 100; i++) {
        String name = "\"student-" + i + "\"";
        replies.add(callers.submit(() -> {
          go.await();
          return api.post("/workflows/roll-call-e2e/signals/answer", "[" + name + "]");
        }));
      }
      started = System.nanoTime();
      go.countDown();
      for (Future<CairnHttp.Reply> reply : replies) {
        assertEquals(202, reply.get().status(), reply.get().toString());
      }
    } finally {
      callers.shutdown();
    }

    long sent = System.nanoTime();
    JsonNode done = api.awaitCompleted("roll-call-e2e", Duration.ofSeconds(60));
    System.err.printf("100 signals: sent in %d ms, handled %d ms later%n", (sent - started) / 1_000_000,
        (System.nanoTime() - sent) / 1_000_000);

    Set<String> names = new HashSet<>();
    done.get("result").forEach(n -> names.add(n.asText()));
    assertEquals(100, done.get("result").size());
    assertEquals(100, names.size(), "every answer once");
    CairnHttp.Reply answered = api.post("/workflows/roll-call-e2e/queries/answered", "[]");
    assertEquals(200, answered.status(), answered.toString());
    assertEquals(100, answered.body().get("result").asInt());
  }
}
