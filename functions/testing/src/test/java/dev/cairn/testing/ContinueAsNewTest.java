package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionContinuedAsNew;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.workflow.ContinueAsNewOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Continue-as-new as a Temporal user tests it: each run visible, the client's result the last run's. */
class ContinueAsNewTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CounterImpl.class, StubCounterImpl.class)
      .build();

  @WorkflowInterface
  public interface Counter {
    /** Adds {@code run} to the total, continuing as new until {@code runs} runs have added theirs. */
    @WorkflowMethod
    String count(int run, int runs, String total);
  }

  public static class CounterImpl implements Counter {
    @Override
    public String count(int run, int runs, String total) {
      Workflow.sleep(Duration.ofMinutes(1)); // some work per run, so each run has its own decisions
      String continued = Workflow.getInfo().getContinuedExecutionRunId().isPresent() ? "c" : "f";
      String next = total + run + continued;
      if (run < runs) {
        Workflow.continueAsNew(run + 1, runs, next + ",");
      }
      return next;
    }
  }

  @WorkflowInterface
  public interface StubCounter {
    @WorkflowMethod
    String count(int run, int runs, String total);
  }

  public static class StubCounterImpl implements StubCounter {
    @Override
    public String count(int run, int runs, String total) {
      if (run < runs) {
        Workflow.newContinueAsNewStub(StubCounter.class, ContinueAsNewOptions.newBuilder().build())
            .count(run + 1, runs, total + run);
      }
      return total + run + "=" + Workflow.getInfo().getWorkflowType();
    }
  }

  @Test
  void continueAsNew_shouldChainRunsAndReturnLastRunsResult_whenContinuedThreeTimes(WorkflowClient client,
      WorkflowOptions options) {
    Counter counter = client.newWorkflowStub(Counter.class,
        WorkflowOptions.newBuilder(options).setWorkflowId("counter-1").build());

    String result = counter.count(1, 4, "");

    // Runs 2..4 know the run they continue; each run added its own number.
    assertEquals("1f,2c,3c,4c", result);
    List<String> runIds = runChain(client, "counter-1", WorkflowStub.fromTyped(counter).getExecution().getRunId());
    assertEquals(4, runIds.size(), "runs " + runIds);
    HistoryEvent lastOfLatest = last(history(client, "counter-1", null));
    assertInstanceOf(EventAttributes.WorkflowExecutionCompleted.class, lastOfLatest.attributes());
    List<HistoryEvent> latest = history(client, "counter-1", null);
    EventAttributes.WorkflowExecutionStarted started = (EventAttributes.WorkflowExecutionStarted) latest.get(0).attributes();
    assertEquals(runIds.get(2), started.continuedExecutionRunId());
    assertEquals(runIds.get(0), started.firstExecutionRunId());
    // listExecutions shows every run, newest first: the last completed, the three before it continued.
    List<String> listed = client.listExecutions("WorkflowId = 'counter-1'")
        .map(m -> m.getExecution().getRunId() + " " + m.getStatus().shortName()).toList();
    assertEquals(List.of(runIds.get(3) + " COMPLETED", runIds.get(2) + " CONTINUED_AS_NEW",
        runIds.get(1) + " CONTINUED_AS_NEW", runIds.get(0) + " CONTINUED_AS_NEW"), listed);
    assertEquals(3, client.listExecutions("WorkflowId = 'counter-1' AND ExecutionStatus = 'ContinuedAsNew'").count());
  }

  @Test
  void continueAsNewStub_shouldStartNextRunWithItsArguments_whenCalled(WorkflowClient client, WorkflowOptions options) {
    StubCounter counter = client.newWorkflowStub(StubCounter.class,
        WorkflowOptions.newBuilder(options).setWorkflowId("counter-2").build());

    assertEquals("123=StubCounter", counter.count(1, 3, ""));
    assertEquals(3, runChain(client, "counter-2", WorkflowStub.fromTyped(counter).getExecution().getRunId()).size());
  }

  /** Follows WorkflowExecutionContinuedAsNew from {@code firstRunId} to the run that closed otherwise. */
  private static List<String> runChain(WorkflowClient client, String workflowId, String firstRunId) {
    List<String> runs = new ArrayList<>();
    String runId = firstRunId;
    while (runId != null) {
      runs.add(runId);
      HistoryEvent last = last(history(client, workflowId, runId));
      runId = last.attributes() instanceof WorkflowExecutionContinuedAsNew c ? c.newExecutionRunId() : null;
    }
    return runs;
  }

  private static List<HistoryEvent> history(WorkflowClient client, String workflowId, String runId) {
    return HistoryJson.fromJson((runId == null ? client.fetchHistory(workflowId) : client.fetchHistory(workflowId, runId))
        .toJson(false));
  }

  private static HistoryEvent last(List<HistoryEvent> events) {
    return events.get(events.size() - 1);
  }
}
