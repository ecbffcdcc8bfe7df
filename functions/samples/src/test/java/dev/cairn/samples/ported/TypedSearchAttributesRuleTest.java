package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.SearchAttributeKey;
import dev.cairn.common.SearchAttributeUpdate;
import dev.cairn.common.SearchAttributes;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * Typed search attributes: set at start through WorkflowOptions, read and upserted by the workflow
 * with typed keys, and read back from the client through a query and the run's history.
 */
public class TypedSearchAttributesRuleTest {
  static final SearchAttributeKey<String> CUSTOMER = SearchAttributeKey.forKeyword("CustomerId");
  static final SearchAttributeKey<Long> PRIORITY = SearchAttributeKey.forLong("Priority");
  static final SearchAttributeKey<Boolean> ESCALATED = SearchAttributeKey.forBoolean("Escalated");
  static final SearchAttributeKey<Double> REFUND = SearchAttributeKey.forDouble("RefundAmount");
  static final SearchAttributeKey<OffsetDateTime> DUE = SearchAttributeKey.forOffsetDateTime("DueAt");
  static final SearchAttributeKey<List<String>> LABELS = SearchAttributeKey.forKeywordList("Labels");
  static final SearchAttributeKey<String> SUMMARY = SearchAttributeKey.forText("Summary");
  static final OffsetDateTime DUE_AT = OffsetDateTime.of(2030, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  @WorkflowInterface
  public interface TicketWorkflow {
    @WorkflowMethod
    String handle();

    @SignalMethod
    void resolve(double refund);

    /** The ticket's search attributes as the workflow sees them now. */
    @QueryMethod
    String searchAttributes();
  }

  public static class TicketWorkflowImpl implements TicketWorkflow {
    private Double refund;

    @Override
    public String handle() {
      SearchAttributes atStart = Workflow.getTypedSearchAttributes();
      boolean urgent = atStart.get(PRIORITY) >= 3;
      Workflow.upsertTypedSearchAttributes(
          SearchAttributeUpdate.valueSet(ESCALATED, urgent),
          SearchAttributeUpdate.valueSet(DUE, DUE_AT),
          SearchAttributeUpdate.valueSet(LABELS, List.of("billing", "vip")),
          SearchAttributeUpdate.valueSet(SUMMARY, "double charge"));
      Workflow.await(() -> refund != null);
      // the key's own valueSet/valueUnset, as HelloTypedSearchAttributes writes them
      Workflow.upsertTypedSearchAttributes(REFUND.valueSet(refund), LABELS.valueUnset());
      return "ticket of " + atStart.get(CUSTOMER) + " closed: " + searchAttributes();
    }

    @Override
    public void resolve(double refund) {
      this.refund = refund;
    }

    @Override
    public String searchAttributes() {
      SearchAttributes now = Workflow.getTypedSearchAttributes();
      return now.get(CUSTOMER) + "/" + now.get(PRIORITY) + "/" + now.get(ESCALATED) + "/" + now.get(REFUND) + "/"
          + (DUE_AT.equals(now.get(DUE)) ? "due" : "no due date") + "/" + now.get(LABELS) + "/" + now.get(SUMMARY)
          + " (" + now.size() + ")";
    }
  }

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(TicketWorkflowImpl.class)
      .build();

  private TicketWorkflow startTicket(String workflowId, long priority) {
    TicketWorkflow ticket = testWorkflowRule.getWorkflowClient().newWorkflowStub(TicketWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(testWorkflowRule.getTaskQueue())
            .setWorkflowId(workflowId)
            .setTypedSearchAttributes(SearchAttributes.newBuilder().set(CUSTOMER, "c-42").set(PRIORITY, priority).build())
            .build());
    WorkflowClient.start(ticket::handle);
    return ticket;
  }

  @Test
  public void query_shouldSeeStartAndUpsertedAttributes_whenAskedWhileTheTicketIsOpen() {
    TicketWorkflow ticket = startTicket("ticket-open", 4);

    assertEquals("c-42/4/true/null/due/[billing, vip]/double charge (6)", ticket.searchAttributes());

    ticket.resolve(12.5);
    WorkflowStub.fromTyped(ticket).getResult(String.class);
  }

  @Test
  public void handle_shouldEndWithTheRefundSetAndTheLabelsUnset_whenResolved() {
    TicketWorkflow ticket = startTicket("ticket-resolved", 1);

    ticket.resolve(12.5);

    assertEquals("ticket of c-42 closed: c-42/1/false/12.5/due/null/double charge (6)",
        WorkflowStub.fromTyped(ticket).getResult(String.class));
    assertEquals("c-42/1/false/12.5/due/null/double charge (6)", ticket.searchAttributes());
  }

  @Test
  public void fetchHistory_shouldRecordTheStartAttributesAndEachUpsert_whenTheTicketRan() {
    TicketWorkflow ticket = startTicket("ticket-history", 2);
    ticket.resolve(3.0);
    WorkflowStub.fromTyped(ticket).getResult(String.class);

    WorkflowExecutionHistory history = testWorkflowRule.getWorkflowClient().fetchHistory("ticket-history");

    assertEquals(2, history.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES).count());
    String json = history.toJson(false);
    assertTrue(json, json.contains("c-42") && json.contains("RefundAmount") && json.contains("double charge"));
  }
}
