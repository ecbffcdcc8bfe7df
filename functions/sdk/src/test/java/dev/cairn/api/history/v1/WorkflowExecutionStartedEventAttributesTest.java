package dev.cairn.api.history.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.EventType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkflowExecutionStartedEventAttributesTest {
  private static final String STARTED = """
      {"eventId":1,"eventType":"WorkflowExecutionStarted","timestamp":"2026-01-01T00:00:00Z","attributes":{
        "workflowType":"Report","attempt":3,"cronSchedule":"0 * * * *","firstWorkflowTaskBackoff":"PT1M30S",
        "workflowRunTimeout":"PT24H","continuedExecutionRunId":"run-2","firstExecutionRunId":"run-1",
        "originalExecutionRunId":"run-3","identity":"cli"}}""";

  @Test
  void getters_shouldReadTheEventsJsonAttributes_whenTheEventIsAStartedEvent() {
    HistoryEvent event = new HistoryEvent(1, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, Instant.EPOCH, STARTED);

    WorkflowExecutionStartedEventAttributes a = event.getWorkflowExecutionStartedEventAttributes();

    assertEquals(Duration.ofSeconds(90), a.getFirstWorkflowTaskBackoff());
    assertEquals(90, a.getFirstWorkflowTaskBackoff().getSeconds());
    assertEquals(Duration.ofHours(24), a.getWorkflowRunTimeout());
    assertEquals(Duration.ZERO, a.getWorkflowExecutionTimeout());
    assertEquals(3, a.getAttempt());
    assertEquals("0 * * * *", a.getCronSchedule());
    assertEquals("run-1", a.getFirstExecutionRunId());
    assertEquals("run-2", a.getContinuedExecutionRunId());
    assertEquals("run-3", a.getOriginalExecutionRunId());
    assertEquals("cli", a.getIdentity());
  }

  @Test
  void getWorkflowExecutionStartedEventAttributes_shouldSayTheJsonIsMissing_whenTheEventWasMadeWithoutIt() {
    HistoryEvent made = new HistoryEvent(1, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, Instant.EPOCH);

    IllegalStateException e = assertThrows(IllegalStateException.class, made::getWorkflowExecutionStartedEventAttributes);

    assertTrue(e.getMessage().contains("event 1") && e.getMessage().contains("fetchHistory"), e.getMessage());
  }
}
