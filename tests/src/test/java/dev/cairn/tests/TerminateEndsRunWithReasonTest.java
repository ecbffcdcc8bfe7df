package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.CleanHistory;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An operator terminates a reminder that sleeps for an hour, saying why; the run is over for good. */
class TerminateEndsRunWithReasonTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void terminate_shouldEndTheRunTerminatedWithTheReason_andRefuseWhatComesAfter() {
    CairnHttp api = stack.api();
    api.start("ReminderWorkflow", "reminder-terminate", "Cleo", 3600);
    api.awaitDescribe("reminder-terminate", Duration.ofSeconds(30), d -> d.path("pendingTimers").size() == 1);

    CairnHttp.Reply terminate = api.post("/workflows/reminder-terminate/terminate", "{\"reason\":\"customer left\"}");

    assertEquals(202, terminate.status(), terminate.toString());
    JsonNode described = api.describe("reminder-terminate");
    assertEquals("TERMINATED", described.get("status").asText(), described.toString());
    assertEquals("customer left", described.path("terminationReason").asText(), described.toString());
    List<JsonNode> events = api.history("reminder-terminate");
    CleanHistory.assertClean("reminder-terminate", events);
    JsonNode last = events.get(events.size() - 1);
    assertEquals("WorkflowExecutionTerminated", CleanHistory.type(last));
    assertEquals("customer left", last.path("attributes").path("reason").asText(), last.toString());

    CairnHttp.Reply again = api.post("/workflows/reminder-terminate/terminate", "{\"reason\":\"twice\"}");
    assertEquals(409, again.status(), again.toString());
    assertEquals("WORKFLOW_CLOSED", again.text("error"));
    CairnHttp.Reply signal = api.post("/workflows/reminder-terminate/signals/snooze", "[]");
    assertEquals(409, signal.status(), signal.toString());
    assertEquals("WORKFLOW_CLOSED", signal.text("error"));
    assertEquals(events.size(), api.history("reminder-terminate").size(), "nothing was added to the closed run");
  }
}
