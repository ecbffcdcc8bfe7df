package dev.cairn.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.ParentClosePolicy;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.history.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreJsonTest {
  static final Instant T = Instant.parse("2026-11-26T10:00:00.123Z");
  static final ExecutionKey KEY = new ExecutionKey("order-1", "run-1");

  static Payloads payloads(Object... values) {
    return GlobalDataConverter.get().toPayloads(values).orElseThrow();
  }

  static Task.ActivityTask activityTask() {
    return new Task.ActivityTask(KEY, "OrderWorkflow", 5, "5", "Charge", "orders", 2, payloads("card", 42),
        T, Duration.ofMinutes(10), null, Duration.ofSeconds(30), Duration.ofSeconds(5),
        new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(100), 0, List.of("CardDeclined")));
  }

  @Test
  void taskToJson_shouldRoundTripEveryTaskType_whenReadBack() {
    for (Task task : List.of(new Task.DecisionTask(KEY), activityTask(), new Task.TimerTask(KEY, "t1", T.plusSeconds(3600)),
        new Task.ActivityTimeoutTask(KEY, 5, 1, TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START),
        new Task.StartChildTask(KEY, 5), new Task.ChildClosedTask(KEY, 5, new ExecutionKey("child", "r2")),
        new Task.CancelChildTask(KEY, 9, 5),
        new Task.ParentClosedTask(new ExecutionKey("child", "r2"), ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE, KEY))) {
      OutboxTask out = new OutboxTask("id-" + task.getClass().getSimpleName(), task, T);
      String json = StoreJson.taskToJson(out);
      assertEquals(out, StoreJson.taskFromJson(json), json);
      assertTrue(json.startsWith("{\"v\":1,"), json);
    }
  }

  @Test
  void taskToJson_shouldShowInputAsPlainJson_soOtherLanguagesCanRead() {
    String json = StoreJson.taskToJson(new OutboxTask("x", activityTask(), T));
    assertTrue(json.contains("\"type\":\"activity\""), json);
    assertTrue(json.contains("[\"card\",42]") || json.contains("\"card\""), json);
  }

  @Test
  void taskFromJson_shouldRefuseClearly_whenNotACairnMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreJson.taskFromJson("hello"));
    assertTrue(e.getMessage().contains("not a Cairn task message"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StoreJson.taskFromJson("{\"v\":9,\"task\":{}}"));
    assertTrue(e.getMessage().contains("version 9"), e.getMessage());
  }

  @Test
  void recordToJson_shouldRoundTripState_whenActivitiesAndTimersPending() {
    ExecutionState.Builder b = ExecutionState.initial().toBuilder();
    b.activities.put(5L, new PendingActivity(5, "5", "Charge", "orders", 3, T, T.plusSeconds(4),
        Failure.of("declined", "java", null, null, null), payloads("progress"), false));
    b.timers.put("t1", new PendingTimer(7, T.plusSeconds(60)));
    b.children.put(9L, new PendingChild(9, "child-1", "Payment", "r2", ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON, 12));
    b.lastDecisionFailure = "boom";
    b.decisionFailures = 2;
    ExecutionRecord r = new ExecutionRecord(KEY, "OrderWorkflow", "orders", WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        T, null, 7, 12, Map.of("CustomerId", "c-9", "Priority", 3L), b.build());
    String json = StoreJson.recordToJson(r);
    assertEquals(r, StoreJson.recordFromJson(json), json);
    assertEquals(r.state(), StoreJson.stateFromJson(StoreJson.stateToJson(r.state())));
  }
}
