package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.CleanHistory;
import dev.cairn.tests.support.EmbeddedStack;
import dev.cairn.tests.support.HeartbeatingJob;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user cancels a job while its long activity runs; the activity learns it through its heartbeat and stops. */
class CancelReachesRunningActivityTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void cancel_shouldStopTheHeartbeatingActivityAndEndCanceled_whenTheActivityIsRunning() {
    CairnHttp api = stack.api();
    api.start("HeartbeatingJobWorkflow", "job-cancel", 1200); // two minutes of work unless cancelled
    api.awaitDescribe("job-cancel", Duration.ofSeconds(30),
        d -> d.path("pendingActivities").path(0).has("heartbeatDetails")); // the activity is at work

    CairnHttp.Reply cancel = api.post("/workflows/job-cancel/cancel", null);

    assertEquals(202, cancel.status(), cancel.toString());
    JsonNode closed = api.awaitClosed("job-cancel", Duration.ofSeconds(30));
    assertEquals("CANCELED", closed.get("status").asText(), closed.toString());
    assertEquals("ActivityCanceledException", HeartbeatingJob.CANCELLATIONS_SEEN.get("job-cancel"),
        "the activity's heartbeat told it it was cancelled");
    List<JsonNode> events = api.history("job-cancel");
    CleanHistory.assertClean("job-cancel", events);
    List<String> types = CairnHttp.eventTypes(events);
    assertTrue(types.indexOf("WorkflowExecutionCancelRequested") < types.indexOf("ActivityTaskCancelRequested")
        && types.indexOf("ActivityTaskCancelRequested") < types.indexOf("ActivityTaskCanceled")
        && types.indexOf("ActivityTaskCanceled") < types.indexOf("WorkflowExecutionCanceled")
        && types.indexOf("WorkflowExecutionCancelRequested") > 0, "the cancellation's way through the run: " + types);
  }

  @Test
  void cancel_shouldEndCanceledWithoutWaitingForTheActivity_whenItsCancellationTypeIsTryCancel() {
    CairnHttp api = stack.api();
    api.start("ReportWorkflow", "report-cancel", "churn", 3); // TRY_CANCEL, the default; no heartbeats
    api.awaitDescribe("report-cancel", Duration.ofSeconds(30), d -> d.path("pendingActivities").size() == 1);

    CairnHttp.Reply cancel = api.post("/workflows/report-cancel/cancel", null);

    assertEquals(202, cancel.status(), cancel.toString());
    JsonNode closed = api.awaitClosed("report-cancel", Duration.ofSeconds(30));
    assertEquals("CANCELED", closed.get("status").asText(), closed.toString());
    List<String> types = CairnHttp.eventTypes(api.history("report-cancel"));
    assertTrue(types.contains("ActivityTaskCancelRequested"), types.toString());
    assertEquals("WorkflowExecutionCanceled", types.get(types.size() - 1));
  }
}
