package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user asks how a report is coming along while its activity is still building it. */
class QueryDuringLongActivityTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void progress_shouldAnswerFromTheRunningWorkflow_whileItsActivityRuns() {
    CairnHttp api = stack.api();
    api.start("ReportWorkflow", "report-during", "sales", 8);
    api.awaitDescribe("report-during", Duration.ofSeconds(30), d -> d.path("pendingActivities").size() == 1);

    CairnHttp.Reply progress = api.post("/workflows/report-during/queries/progress", "[]");

    assertEquals(200, progress.status(), progress.toString());
    assertEquals("building report on sales", progress.body().get("result").asText());
    assertEquals("RUNNING", api.describe("report-during").get("status").asText(), "the activity is still running");
    assertEquals("report on sales", api.awaitCompleted("report-during", Duration.ofSeconds(60)).get("result").asText());
  }
}
