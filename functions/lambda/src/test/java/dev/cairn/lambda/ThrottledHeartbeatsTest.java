package dev.cairn.lambda;

import static dev.cairn.lambda.Harness.noFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottledHeartbeatsTest {
  final Harness h = new Harness();

  @Test
  void interval_shouldFollowTemporalsThrottle() {
    assertEquals(Duration.ofSeconds(8), ThrottledHeartbeats.interval(Duration.ofSeconds(10)));
    assertEquals(Duration.ofSeconds(60), ThrottledHeartbeats.interval(Duration.ofHours(1)));
    assertEquals(Duration.ofSeconds(30), ThrottledHeartbeats.interval(null));
  }

  @Test
  void heartbeat_shouldWriteOncePerInterval_keepingTheLatestDetails() {
    OutboxTask activity = h.startAndSchedule("Payment", "pay-heartbeats");
    Task.ActivityTask task = (Task.ActivityTask) activity.task();
    List<java.time.Instant> writes = new ArrayList<>();
    ThrottledHeartbeats sink = new ThrottledHeartbeats(h.runtime.service(), task, null, h.clock, writes::add);
    int commitsBefore = h.store.commits.get();

    for (int i = 0; i < 100; i++) {
      sink.heartbeat(GlobalDataConverter.get().toPayloads(i).orElseThrow());
    }
    assertEquals(1, h.store.commits.get() - commitsBefore, "a burst of heartbeats costs one write");
    h.clock.advance(Duration.ofSeconds(30));
    sink.heartbeat(GlobalDataConverter.get().toPayloads(100).orElseThrow());
    assertEquals(2, h.store.commits.get() - commitsBefore);
    assertEquals(2, writes.size(), "each write extends the message's visibility");

    sink.heartbeat(GlobalDataConverter.get().toPayloads(101).orElseThrow());
    sink.flush();
    assertEquals(GlobalDataConverter.get().toPayloads(101).orElseThrow(), h.pending(task.key()).heartbeatDetails());
  }

  @Test
  void handleRequest_shouldCostOneStoreWrite_whenAnActivityHeartbeatsInALoop() {
    h.charges.heartbeat(50);
    OutboxTask activity = h.startAndSchedule("Payment", "pay-loop");
    int commitsBefore = h.store.commits.get();

    noFailures(h.runActivities(h.delivery(activity)));

    assertEquals(2, h.store.commits.get() - commitsBefore, "one heartbeat write and the completion");
  }
}
