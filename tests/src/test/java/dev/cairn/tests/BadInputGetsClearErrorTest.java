package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A user sends a malformed start: 400 INVALID_ARGUMENT naming the field, and nothing is started. */
class BadInputGetsClearErrorTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a misspelled field        | {\"workflowType\":\"OrderWorkflow\",\"workflowID\":\"bad-1\",\"input\":[\"o\"]} | workflowID",
      "no workflow type          | {\"workflowId\":\"bad-2\",\"input\":[\"o\"]}                                  | workflowType",
      "input that is not a list  | {\"workflowType\":\"OrderWorkflow\",\"workflowId\":\"bad-3\",\"input\":\"o\"}  | input",
      "a bad duration            | {\"workflowType\":\"OrderWorkflow\",\"workflowId\":\"bad-4\",\"input\":[\"o\"],\"workflowRunTimeout\":\"10 minutes\"} | workflowRunTimeout",
      "an unknown reuse policy   | {\"workflowType\":\"OrderWorkflow\",\"workflowId\":\"bad-5\",\"input\":[\"o\"],\"workflowIdReusePolicy\":\"SOMETIMES\"} | workflowIdReusePolicy",
  })
  void start_shouldAnswer400NamingTheField_whenTheRequestIsMalformed(String what, String body, String field) throws Exception {
    CairnHttp.Reply reply = stack.api().tryStart(body);

    assertEquals(400, reply.status(), what + ": " + reply);
    assertEquals("INVALID_ARGUMENT", reply.text("error"), reply.toString());
    assertTrue(reply.text("message").contains(field), "the message names " + field + ": " + reply);
    String id = CairnHttp.JSON.readTree(body).path("workflowId").asText("bad-2");
    assertEquals(404, stack.api().tryDescribe(id).status(), "nothing was started for " + id);
  }

  @Test
  void start_shouldAnswer400_whenTheBodyIsNotJson() {
    int before = orderRuns();

    CairnHttp.Reply reply = stack.api().tryStart("{\"workflowType\": \"OrderWorkflow\",");

    assertEquals(400, reply.status(), reply.toString());
    assertEquals("INVALID_ARGUMENT", reply.text("error"), reply.toString());
    assertTrue(reply.text("message").contains("not valid JSON"), reply.toString());
    assertEquals(before, orderRuns(), "nothing was started");
  }

  /** OrderWorkflow runs in the data directory, which earlier test classes of this JVM share. */
  private static int orderRuns() {
    return stack.api().get("/workflows?workflowType=OrderWorkflow&pageSize=1000").body().get("executions").size();
  }
}
