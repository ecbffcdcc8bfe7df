package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user starts a workflow id that already has an open run: refused with 409, the open run untouched. */
class StartRefusesSecondOpenRunTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void start_shouldAnswer409AlreadyStarted_whenARunWithThatIdIsOpen() {
    String id = "reminder-open-1";
    String firstRun = stack.api().start("ReminderWorkflow", id, "Ann", 600);

    CairnHttp.Reply second = stack.api().tryStart(CairnHttp.startBody("ReminderWorkflow", id, "Bob", 1).toString());

    assertEquals(409, second.status(), second.toString());
    assertEquals("ALREADY_STARTED", second.text("error"));
    assertTrue(second.text("message").contains(id) && second.text("message").contains(firstRun), second.toString());
    assertEquals(firstRun, stack.api().describe(id).get("runId").asText());
    assertEquals("RUNNING", stack.api().describe(id).get("status").asText());

    CairnHttp.Reply terminated = stack.api().post("/workflows/" + id + "/terminate", "{\"reason\":\"test done\"}");
    assertEquals(202, terminated.status(), terminated.toString());
    assertEquals("TERMINATED", stack.api().awaitClosed(id, Scenarios.COMPLETES_WITHIN).get("status").asText());
  }
}
