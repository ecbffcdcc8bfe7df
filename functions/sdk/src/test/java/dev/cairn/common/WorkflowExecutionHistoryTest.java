package dev.cairn.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.EventType;
import dev.cairn.api.history.v1.History;
import dev.cairn.api.history.v1.HistoryEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowExecutionHistoryTest {
  private static final String JSON = """
      {"events":[
        {"eventId":1,"eventType":"WorkflowExecutionStarted","timestamp":"2026-01-01T00:00:00Z","attributes":{"workflowType":"Greeting","input":["World"]}},
        {"eventId":2,"eventType":"WorkflowTaskScheduled","timestamp":"2026-01-01T00:00:00Z","attributes":{}}
      ]}""";

  @Test
  void newFromHistory_shouldGiveBackTheSameEventsWithAttributes_whenHistoryWasReadFromJson() {
    History history = WorkflowExecutionHistory.fromJson(JSON).getHistory();

    WorkflowExecutionHistory again = new WorkflowExecutionHistory(history, "greeting-1");

    assertEquals(WorkflowExecutionHistory.fromJson(JSON).toJson(false), again.toJson(false));
    assertEquals("greeting-1", again.getWorkflowExecution().getWorkflowId());
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, again.getLastEvent().getEventType());
    assertTrue(history.getEvents(0).toJson().contains("\"input\":[\"World\"]"), history.getEvents(0).toJson());
  }

  @Test
  void newFromHistory_shouldRefuseNamingTheEvent_whenAnEventHasNoJsonForm() {
    History made = new History(List.of(new HistoryEvent(7, EventType.EVENT_TYPE_TIMER_FIRED, Instant.EPOCH)));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WorkflowExecutionHistory(made));

    assertTrue(e.getMessage().contains("event 7"), e.getMessage());
  }
}
