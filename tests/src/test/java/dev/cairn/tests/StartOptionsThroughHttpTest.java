package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import dev.cairn.tests.support.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The start options of POST /workflows, as a user sets them and checks them through the API. */
class StartOptionsThroughHttpTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  private static CairnHttp api() {
    return stack.api();
  }

  @Test
  void start_shouldAnswer409_whenReusePolicyIsRejectDuplicateAndTheIdRanBefore() {
    ObjectNode body = CairnHttp.startBody("GreetingWorkflow", "greet-reject-1", "Ann")
        .put("workflowIdReusePolicy", "REJECT_DUPLICATE");
    assertEquals(201, api().tryStart(body.toString()).status());
    api().awaitCompleted("greet-reject-1", Scenarios.COMPLETES_WITHIN);

    CairnHttp.Reply again = api().tryStart(body.toString());

    assertEquals(409, again.status(), again.toString());
    assertEquals("ALREADY_STARTED", again.text("error"));
  }

  @Test
  void start_shouldAnswer400NamingTheProblem_whenTheCronScheduleCannotBeRead() {
    CairnHttp.Reply bad = api().tryStart(CairnHttp.startBody("GreetingWorkflow", "greet-bad-cron", "Ann")
        .put("cronSchedule", "0 * * *").toString());

    assertEquals(400, bad.status(), bad.toString());
    assertTrue(bad.text("message").contains("five fields"), bad.toString());
  }

  @Test
  void describe_shouldShowTimedOut_whenTheRunOutlastsItsRunTimeout() {
    ObjectNode body = CairnHttp.startBody("ReminderWorkflow", "remind-timeout-1", "Ann", 600)
        .put("workflowRunTimeout", "PT2S");
    assertEquals(201, api().tryStart(body.toString()).status());

    JsonNode d = api().awaitClosed("remind-timeout-1", Scenarios.COMPLETES_WITHIN);

    assertEquals("TIMED_OUT", d.get("status").asText(), d.toString());
    List<String> types = CairnHttp.eventTypes(api().history("remind-timeout-1"));
    assertEquals("WorkflowExecutionTimedOut", types.get(types.size() - 1), types.toString());
  }

  @Test
  void history_shouldShowTheBackoffAndALateFirstDecision_whenStartDelayIsSet() {
    ObjectNode body = CairnHttp.startBody("GreetingWorkflow", "greet-delayed-1", "Ann").put("startDelay", "PT2S");
    assertEquals(201, api().tryStart(body.toString()).status());

    api().awaitCompleted("greet-delayed-1", Scenarios.COMPLETES_WITHIN);

    List<JsonNode> events = api().history("greet-delayed-1");
    assertEquals("PT2S", events.get(0).path("attributes").path("firstWorkflowTaskBackoff").asText(), events.get(0).toString());
    Instant started = Instant.parse(events.get(0).get("timestamp").asText());
    JsonNode firstDecision = events.stream().filter(e -> e.get("eventType").asText().equals("WorkflowTaskCompleted"))
        .findFirst().orElseThrow();
    assertFalse(Instant.parse(firstDecision.get("timestamp").asText()).isBefore(started.plusSeconds(2)),
        "the first decision ran after the delay: " + firstDecision);
  }

  @Test
  void list_shouldFilterBySearchAttribute_andDescribeShowsMemoAndAttributes_whenTheStartSetsThem() {
    ObjectNode body = CairnHttp.startBody("ReminderWorkflow", "remind-tagged-1", "Ann", 600);
    body.putObject("memo").put("owner", "ann@example.com");
    body.putObject("searchAttributes").put("CustomerId", "c-e2e-tagged");
    assertEquals(201, api().tryStart(body.toString()).status());
    api().start("ReminderWorkflow", "remind-untagged-1", "Bob", 600);

    JsonNode d = api().describe("remind-tagged-1");
    assertEquals("ann@example.com", d.path("memo").path("owner").asText(), d.toString());
    assertEquals("c-e2e-tagged", d.path("searchAttributes").path("CustomerId").asText(), d.toString());

    JsonNode listed = api().get("/workflows?CustomerId=c-e2e-tagged").body();
    assertEquals(1, listed.get("executions").size(), listed.toString());
    assertEquals("remind-tagged-1", listed.get("executions").get(0).get("workflowId").asText());

    api().post("/workflows/remind-tagged-1/terminate", "{\"reason\":\"test done\"}");
    api().post("/workflows/remind-untagged-1/terminate", "{\"reason\":\"test done\"}");
  }

  @Test
  void list_shouldShowOneRunPerScheduleTime_whenTheStartHasACronSchedule() {
    ObjectNode body = CairnHttp.startBody("GreetingWorkflow", "greet-cron-1", "Ann").put("cronSchedule", "@every 2s");
    body.putObject("searchAttributes").put("CustomerId", "c-e2e-cron");
    assertEquals(201, api().tryStart(body.toString()).status());

    List<JsonNode> runs = Poll.until(Scenarios.COMPLETES_WITHIN, "two completed cron runs", () -> {
      List<JsonNode> found = new ArrayList<>();
      api().get("/workflows?CustomerId=c-e2e-cron").body().get("executions").forEach(found::add);
      return found.stream().filter(r -> r.get("status").asText().equals("COMPLETED")).count() >= 2
          ? Optional.of(found) : Optional.empty();
    });

    assertTrue(runs.stream().allMatch(r -> r.get("workflowId").asText().equals("greet-cron-1")), runs.toString());
    assertEquals(runs.size(), runs.stream().map(r -> r.get("runId").asText()).distinct().count(), "each run is a new run");
    assertEquals("RUNNING", api().describe("greet-cron-1").get("status").asText(), "the next run waits for its time");
    api().post("/workflows/greet-cron-1/terminate", "{\"reason\":\"test done\"}");
  }
}
