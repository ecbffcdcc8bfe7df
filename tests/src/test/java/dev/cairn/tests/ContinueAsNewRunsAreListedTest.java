package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A workflow that continues as new: describe and history follow the latest run, every run is listed. */
class ContinueAsNewRunsAreListedTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void batchSumWorkflow_shouldListEveryRunAndDescribeTheLatest_whenItContinuesAsNewTwice() {
    CairnHttp api = stack.api();
    String firstRunId = api.start("BatchSumWorkflow", "batch-sum-1", 3, 10, 0);

    JsonNode latest = api.awaitCompleted("batch-sum-1", Scenarios.COMPLETES_WITHIN);

    assertEquals(165, latest.get("result").asLong(), "three batches of 1..10");
    List<String> chain = new ArrayList<>();
    String runId = firstRunId;
    while (true) {
      chain.add(runId);
      CairnHttp.Reply r = api.get("/workflows/batch-sum-1?runId=" + runId);
      assertEquals(200, r.status(), r.toString());
      if (!"CONTINUED_AS_NEW".equals(r.body().get("status").asText())) {
        assertEquals("COMPLETED", r.body().get("status").asText());
        break;
      }
      runId = r.body().get("newExecutionRunId").asText();
    }
    assertEquals(3, chain.size(), "runs " + chain);
    assertEquals(chain.get(2), latest.get("runId").asText(), "GET /workflows/{id} describes the latest run");
    List<JsonNode> history = api.history("batch-sum-1");
    assertEquals(chain.get(1), history.get(0).get("attributes").get("continuedExecutionRunId").asText(),
        "the history is the latest run's");
    JsonNode listed = api.get("/workflows?workflowType=BatchSumWorkflow").body().get("executions");
    List<String> listedRuns = new ArrayList<>();
    listed.forEach(e -> {
      if (e.get("workflowId").asText().equals("batch-sum-1")) {
        listedRuns.add(e.get("runId").asText() + ":" + e.get("status").asText());
      }
    });
    assertEquals(3, listedRuns.size(), listed.toString());
    assertTrue(listedRuns.containsAll(List.of(chain.get(0) + ":CONTINUED_AS_NEW", chain.get(1) + ":CONTINUED_AS_NEW",
        chain.get(2) + ":COMPLETED")), listedRuns.toString());
  }
}
