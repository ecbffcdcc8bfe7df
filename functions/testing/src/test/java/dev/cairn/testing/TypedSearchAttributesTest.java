package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.SearchAttributeKey;
import dev.cairn.common.SearchAttributeUpdate;
import dev.cairn.common.SearchAttributes;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Typed search attributes set at start, read and upserted by workflow code, as Temporal's samples use them. */
class TypedSearchAttributesTest {
  static final SearchAttributeKey<String> CUSTOMER_ID = SearchAttributeKey.forKeyword("CustomerId");
  static final SearchAttributeKey<Long> PRIORITY = SearchAttributeKey.forLong("Priority");
  static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("OrderStatus");
  static final SearchAttributeKey<Double> AMOUNT = SearchAttributeKey.forDouble("Amount");
  static final SearchAttributeKey<Boolean> EXPRESS = SearchAttributeKey.forBoolean("Express");
  static final SearchAttributeKey<OffsetDateTime> DUE_AT = SearchAttributeKey.forOffsetDateTime("DueAt");
  static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");
  static final SearchAttributeKey<String> NOTE = SearchAttributeKey.forText("Note");
  static final OffsetDateTime DUE = OffsetDateTime.of(2026, 12, 24, 18, 0, 0, 0, ZoneOffset.UTC);

  @WorkflowInterface
  public interface OrderWorkflow {
    @WorkflowMethod
    String process();

    @SignalMethod
    void close();

    @QueryMethod
    String status();
  }

  public static class OrderWorkflowImpl implements OrderWorkflow {
    private boolean closed;

    @Override
    public String process() {
      SearchAttributes atStart = Workflow.getTypedSearchAttributes();
      Workflow.upsertTypedSearchAttributes(
          SearchAttributeUpdate.valueSet(STATUS, "OPEN"),
          SearchAttributeUpdate.valueSet(AMOUNT, 12.5),
          SearchAttributeUpdate.valueSet(EXPRESS, true),
          SearchAttributeUpdate.valueSet(DUE_AT, DUE),
          SearchAttributeUpdate.valueSet(TAGS, List.of("gift", "fragile")));
      SearchAttributes open = Workflow.getTypedSearchAttributes();
      Workflow.await(() -> closed);
      Workflow.upsertTypedSearchAttributes(
          SearchAttributeUpdate.valueSet(STATUS, "CLOSED"), SearchAttributeUpdate.valueUnset(TAGS));
      SearchAttributes end = Workflow.getTypedSearchAttributes();
      return atStart.get(CUSTOMER_ID) + "/" + atStart.get(PRIORITY) + "/" + atStart.size()
          + " | " + open.get(STATUS) + "/" + open.get(AMOUNT) + "/" + open.get(EXPRESS) + "/"
          + open.get(DUE_AT).equals(DUE) + "/" + open.get(TAGS) + "/" + open.size()
          + " | " + end.get(STATUS) + "/" + end.containsKey(TAGS) + "/" + end.size();
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public String status() {
      return Workflow.getTypedSearchAttributes().get(STATUS);
    }
  }

  @WorkflowInterface
  public interface NoteWorkflow {
    @WorkflowMethod
    String annotate(String note);
  }

  public static class NoteWorkflowImpl implements NoteWorkflow {
    @Override
    public String annotate(String note) {
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("Note", note);
      attrs.put("Priority", 7);
      Workflow.upsertSearchAttributes(attrs);
      SearchAttributes now = Workflow.getTypedSearchAttributes();
      return now.get(NOTE) + "/" + now.get(PRIORITY);
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(OrderWorkflowImpl.class, NoteWorkflowImpl.class)
      .build();

  private static OrderWorkflow startOrder(WorkflowClient client, WorkflowOptions options, String workflowId) {
    OrderWorkflow workflow = client.newWorkflowStub(OrderWorkflow.class, options.toBuilder()
        .setWorkflowId(workflowId)
        .setTypedSearchAttributes(SearchAttributes.newBuilder().set(CUSTOMER_ID, "c-1").set(PRIORITY, 3L).build())
        .build());
    WorkflowClient.start(workflow::process);
    return workflow;
  }

  @Test
  void getTypedSearchAttributes_shouldSeeStartAndUpsertedValuesWithTheirTypes_whenWorkflowUpserts(
      WorkflowClient client, WorkflowOptions options) {
    OrderWorkflow workflow = startOrder(client, options, "order-typed-1");

    workflow.close();

    assertEquals("c-1/3/2 | OPEN/12.5/true/true/[gift, fragile]/7 | CLOSED/false/6",
        WorkflowStub.fromTyped(workflow).getResult(String.class));
  }

  @Test
  void query_shouldAnswerTheUpsertedValue_whenTheRunIsReplayed(WorkflowClient client, WorkflowOptions options) {
    OrderWorkflow workflow = startOrder(client, options, "order-typed-2");

    assertEquals("OPEN", workflow.status());
    workflow.close();
    WorkflowStub.fromTyped(workflow).getResult(String.class);
    assertEquals("CLOSED", workflow.status());
  }

  @Test
  void fetchHistory_shouldRecordEachUpsertAndReplayCleanly_whenWorkflowUpserted(WorkflowClient client,
      WorkflowOptions options) {
    OrderWorkflow workflow = startOrder(client, options, "order-typed-3");
    workflow.close();
    WorkflowStub.fromTyped(workflow).getResult(String.class);

    WorkflowExecutionHistory history = client.fetchHistory("order-typed-3");

    assertEquals(2, history.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES).count());
    assertDoesNotThrow(() -> WorkflowReplayer.replayWorkflowExecution(history.toJson(true), OrderWorkflowImpl.class));
  }

  @Test
  void upsertSearchAttributes_shouldBeReadableThroughTypedKeys_whenUpsertedUntyped(NoteWorkflow workflow) {
    assertEquals("handle with care/7", workflow.annotate("handle with care"));
  }
}
