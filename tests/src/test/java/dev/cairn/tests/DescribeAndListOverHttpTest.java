package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.api.workflow.v1.PendingActivityInfo;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowExecutionDescription;
import dev.cairn.client.WorkflowExecutionMetadata;
import dev.cairn.client.WorkflowNotFoundException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.SearchAttributeKey;
import dev.cairn.common.SearchAttributes;
import dev.cairn.tests.support.E2eWorkers;
import dev.cairn.tests.support.ClientOverHttp;
import dev.cairn.tests.support.EmbeddedStack;
import dev.cairn.tests.support.Poll;
import dev.cairn.tests.support.TrackedOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code WorkflowStub.describe()}, {@code listExecutions} and {@code countWorkflows} through the HTTP
 * API of the local runtime: the same answers as in process, from {@code GET /workflows/{id}} and
 * {@code GET /workflows}.
 */
class DescribeAndListOverHttpTest {
  private static final SearchAttributeKey<String> CUSTOMER_ID = SearchAttributeKey.forKeyword("CustomerId");

  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  private static ClientOverHttp http;
  private static WorkflowClient client;

  @BeforeAll
  static void connect() {
    http = ClientOverHttp.connect(stack);
    client = http.client();
  }

  @AfterAll
  static void disconnect() {
    http.close();
  }

  private static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(E2eWorkers.TASK_QUEUE).build();
  }

  private static TrackedOrder.TrackedOrderWorkflow startTrackedOrder(String workflowId, String customerId) {
    TrackedOrder.TrackedOrderWorkflow order = client.newWorkflowStub(TrackedOrder.TrackedOrderWorkflow.class,
        WorkflowOptions.newBuilder(options(workflowId))
            .setMemo(Map.of("owner", "logistics"))
            .setTypedSearchAttributes(SearchAttributes.newBuilder().set(CUSTOMER_ID, customerId).build())
            .build());
    WorkflowClient.start(order::track, workflowId);
    return order;
  }

  /** Describes until the run shows the status it upserts first, so the first decision has run. */
  private static WorkflowExecutionDescription awaitOrderStatus(WorkflowStub stub, String status) {
    return Poll.until(Scenarios.COMPLETES_WITHIN, stub.getExecution().getWorkflowId() + " showing " + status, () -> {
      WorkflowExecutionDescription d = stub.describe();
      return status.equals(d.getTypedSearchAttributes().get(TrackedOrder.ORDER_STATUS)) ? Optional.of(d) : Optional.empty();
    });
  }

  @Test
  void describe_shouldShowRunningThenCompletedRunWithMemoAndSearchAttributes_whenATrackedOrderShips() throws Exception {
    TrackedOrder.TrackedOrderWorkflow order = startTrackedOrder("http-describe-order", "c-1");
    WorkflowStub stub = WorkflowStub.fromTyped(order);

    WorkflowExecutionDescription running = awaitOrderStatus(stub, "PACKED");

    assertEquals(stub.getExecution(), running.getExecution());
    assertEquals("TrackedOrderWorkflow", running.getWorkflowType());
    assertEquals(E2eWorkers.TASK_QUEUE, running.getTaskQueue());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, running.getStatus());
    assertNull(running.getCloseTime());
    assertEquals(running.getStartTime(), running.getExecutionTime());
    assertNull(running.getParentExecution());
    assertEquals("logistics", running.getMemo("owner", String.class));
    assertEquals("c-1", running.getTypedSearchAttributes().get(CUSTOMER_ID));
    assertEquals(client.fetchHistory("http-describe-order").getEvents().size(), running.getHistoryLength());

    order.shipped();
    assertEquals("http-describe-order:SHIPPED", stub.getResult(30, TimeUnit.SECONDS, String.class));
    WorkflowExecutionDescription completed = client.newUntypedWorkflowStub("http-describe-order").describe();

    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, completed.getStatus());
    assertTrue(!completed.getCloseTime().isBefore(completed.getStartTime()), completed.toString());
    assertEquals("SHIPPED", completed.getTypedSearchAttributes().get(TrackedOrder.ORDER_STATUS));
    assertEquals(client.fetchHistory("http-describe-order").getEvents().size(), completed.getHistoryLength());
    assertTrue(completed.getHistoryLength() > running.getHistoryLength());
  }

  @Test
  void describe_shouldShowTheRetriedAttemptAndItsLastFailure_whenAnActivityFailsAndWaitsToRetry() throws Exception {
    WorkflowStub greeting = client.newUntypedWorkflowStub("RetryGreetingWorkflow", options("http-describe-retry"));
    greeting.start("Ann");

    // the activity fails twice, retried after 1 s and then 2 s: describe shows the attempt waiting its turn
    PendingActivityInfo retrying = Poll.until(Scenarios.COMPLETES_WITHIN, "an attempt after a failure", () -> {
      List<PendingActivityInfo> pending = greeting.describe().getPendingActivities();
      return pending.size() == 1 && pending.get(0).hasLastFailure() ? Optional.of(pending.get(0)) : Optional.empty();
    });

    assertEquals("ComposeGreetingWithRetries", retrying.getActivityType());
    assertTrue(retrying.getAttempt() >= 2, retrying.toString());
    assertTrue(retrying.getLastFailure().message().startsWith("service unavailable"), retrying.toString());
    assertEquals("Hello Ann!", greeting.getResult(30, TimeUnit.SECONDS, String.class));
    assertTrue(greeting.describe().getPendingActivities().isEmpty());
  }

  @Test
  void listExecutions_shouldFilterByStatusAndSearchAttribute_whenSeveralOrdersRun() throws Exception {
    startTrackedOrder("http-list-a", "c-a");
    TrackedOrder.TrackedOrderWorkflow b = startTrackedOrder("http-list-b", "c-b");
    awaitOrderStatus(WorkflowStub.fromTyped(b), "PACKED");
    b.shipped();
    WorkflowStub.fromTyped(b).getResult(30, TimeUnit.SECONDS, String.class);

    List<String> running = client.listExecutions(
            "WorkflowType = 'TrackedOrderWorkflow' AND ExecutionStatus = 'Running' AND CustomerId = 'c-a'")
        .map(m -> m.getExecution().getWorkflowId()).toList();
    List<WorkflowExecutionMetadata> shipped = client.listExecutions("OrderStatus = 'SHIPPED' AND CustomerId = 'c-b'")
        .toList();

    assertEquals(List.of("http-list-a"), running);
    assertEquals(1, shipped.size(), shipped.toString());
    WorkflowExecutionMetadata listed = shipped.get(0);
    assertEquals("http-list-b", listed.getExecution().getWorkflowId());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, listed.getStatus());
    assertEquals("logistics", listed.getMemo("owner", String.class));
    assertEquals(client.newUntypedWorkflowStub("http-list-b").describe().getHistoryLength(), listed.getHistoryLength());
    assertEquals(1, client.countWorkflows("CustomerId = 'c-b'").getCount());
    assertEquals(0, client.countWorkflows("CustomerId = 'c-b' AND ExecutionStatus = 'Running'").getCount());
    assertThrows(IllegalArgumentException.class, () -> client.listExecutions("CustomerId = 'c-a' OR CustomerId = 'c-b'"));
  }

  @Test
  void describeAndList_shouldShowEveryRun_whenTheWorkflowContinuesAsNew() throws Exception {
    WorkflowStub batches = client.newUntypedWorkflowStub("BatchSumWorkflow", options("http-batch-sum"));
    batches.start(3, 10, 0);

    assertEquals(165L, batches.getResult(30, TimeUnit.SECONDS, Long.class));

    WorkflowExecutionDescription first = batches.describe(); // the run this stub started
    WorkflowExecutionDescription latest = client.newUntypedWorkflowStub("http-batch-sum").describe();
    List<WorkflowExecutionMetadata> runs = client.listExecutions("WorkflowId = 'http-batch-sum'").toList();
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW, first.getStatus());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, latest.getStatus());
    assertEquals(3, runs.size(), runs.toString());
    assertEquals(List.of(latest.getExecution()), runs.stream()
        .filter(r -> r.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED)
        .map(WorkflowExecutionMetadata::getExecution).toList());
    assertTrue(runs.stream().anyMatch(r -> r.getExecution().equals(first.getExecution())), runs.toString());
    assertEquals(2, client.countWorkflows("WorkflowId = 'http-batch-sum' AND ExecutionStatus = 'ContinuedAsNew'")
        .getCount());
  }

  @Test
  void describe_shouldThrowWorkflowNotFound_whenNoSuchWorkflowExists() {
    assertThrows(WorkflowNotFoundException.class, () -> client.newUntypedWorkflowStub("http-no-such-order").describe());
  }
}
