package dev.cairn.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.api.ActivityApi;
import dev.cairn.internal.api.ApiRequest;
import dev.cairn.internal.api.WorkflowApi;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionCompleted;
import dev.cairn.internal.service.HistoryLimits;
import dev.cairn.internal.service.StartRequest;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Workflow.getInfo()'s history budget follows the runtime's HistoryLimits; describe warns past it. */
class HistoryBudgetTest {
  @WorkflowInterface
  public interface Budgeted {
    @WorkflowMethod
    String run();

    @SignalMethod
    void poke();
  }

  public static class BudgetedImpl implements Budgeted {
    private int pokes;

    @Override
    public String run() {
      while (!Workflow.getInfo().isContinueAsNewSuggested()) {
        int seen = pokes;
        Workflow.await(() -> pokes > seen);
      }
      return "suggested at " + Workflow.getInfo().getHistoryLength();
    }

    @Override
    public void poke() {
      pokes++;
    }
  }

  /** The workers class the runtime registers. */
  public static final class Workers {
    public static void register(Worker worker) {
      worker.registerWorkflowImplementationTypes(BudgetedImpl.class);
    }
  }

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private final CairnRuntime runtime = CairnRuntime.newBuilder()
      .setStore(new InMemoryHistoryStore(clock))
      .setDispatcher(tasks -> { })
      .setClock(clock)
      .setHistoryLimits(new HistoryLimits(6, 100))
      .registerWorkersClass(Workers.class.getName())
      .build();

  @Test
  void isContinueAsNewSuggested_shouldTurnTrueAtTheWarningThreshold_andDescribeWarns() {
    var started = runtime.service().start(new StartRequest("budgeted", "Budgeted", "q", null,
        null, null, null, null, null, null, null, null, null, null));
    ExecutionKey key = new ExecutionKey(started.getWorkflowId(), started.getRunId());
    runtime.service().handleDecisionTask(key); // 2: WorkflowTaskCompleted
    WorkflowApi api = new WorkflowApi(runtime.service(), new ActivityApi(runtime.service(), runtime.dataConverter()), "q",
        runtime.ids());
    runtime.service().signal("budgeted", null, "poke", null); // 3
    runtime.service().handleDecisionTask(key); // 4
    runtime.service().signal("budgeted", null, "poke", null); // 5
    String describe = api.handle(new ApiRequest("GET", "/workflows/budgeted", Map.of(), null)).body().toString();
    assertTrue(!describe.contains("historyWarning"), describe);

    runtime.service().signal("budgeted", null, "poke", null); // 6: the next decision sees 7 events
    assertTrue(api.handle(new ApiRequest("GET", "/workflows/budgeted", Map.of(), null)).body().has("historyWarning"));
    runtime.service().handleDecisionTask(key);

    var rec = runtime.store().get(key).orElseThrow();
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, rec.status());
    var last = (WorkflowExecutionCompleted) runtime.service().history(key).get((int) rec.lastEventId() - 1).attributes();
    assertEquals("\"suggested at 7\"", dev.cairn.internal.history.HistoryJson.mapper().valueToTree(last.result()).get(0)
        .toString());
  }
}
