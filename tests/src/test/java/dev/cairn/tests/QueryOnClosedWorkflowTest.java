package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user queries a workflow that has completed: its history replays; nothing is written. */
class QueryOnClosedWorkflowTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void progress_shouldAnswerFromTheClosedRun_whenTheWorkflowCompleted() {
    CairnHttp api = stack.api();
    api.start("ReportWorkflow", "report-closed", "costs", 0);
    api.awaitCompleted("report-closed", Duration.ofSeconds(30));
    String history = api.rawHistory("report-closed");

    CairnHttp.Reply progress = api.post("/workflows/report-closed/queries/progress", "[]");

    assertEquals(200, progress.status(), progress.toString());
    assertEquals("done: report on costs", progress.body().get("result").asText());
    assertEquals(history, api.rawHistory("report-closed"), "a query writes nothing");
    CairnHttp.Reply unknown = api.post("/workflows/report-closed/queries/eta", "[]");
    assertEquals(400, unknown.status(), unknown.toString());
    assertEquals("UNKNOWN_QUERY", unknown.text("error"));
    assertEquals("[\"progress\"]", unknown.body().get("knownQueryTypes").toString());
  }
}
