package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityMethod;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.common.WorkflowExecutionHistory;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.UpdateValidatorMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInit;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;

/**
 * An auction using the workflow API's finer points: a @WorkflowInit constructor, a named update
 * with its validator, an activity named by @ActivityMethod(name), handlers awaited with
 * isEveryHandlerFinished, and the workflow's own type from getInfo().
 */
public class WorkflowApiRuleTest {
  @ActivityInterface
  public interface AuditActivities {
    @ActivityMethod(name = "AuditAuction")
    String audit(String item, int price);
  }

  @WorkflowInterface
  public interface AuctionWorkflow {
    @WorkflowMethod
    String sell(String item, int reservePrice);

    @UpdateMethod(name = "placeBid")
    int bid(String bidder, int amount);

    @UpdateValidatorMethod(updateName = "placeBid")
    void checkBid(String bidder, int amount);

    /** Closes the auction once the auditor has signed off. */
    @SignalMethod
    void closeAfterAudit();

    @QueryMethod
    String terms();
  }

  public static class AuctionWorkflowImpl implements AuctionWorkflow {
    private final AuditActivities auditor = Workflow.newActivityStub(AuditActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
    private final String item;
    private final int reservePrice;
    private String leader = "nobody";
    private int highest;
    private boolean closing;
    private String audit = "not audited";

    /** Sees the workflow's arguments before any handler runs, so the validator can use the reserve price. */
    @WorkflowInit
    public AuctionWorkflowImpl(String item, int reservePrice) {
      this.item = item;
      this.reservePrice = reservePrice;
    }

    @Override
    public String sell(String item, int reservePrice) {
      Workflow.await(() -> closing);
      boolean auditWasRunning = !Workflow.isEveryHandlerFinished();
      Workflow.await(Workflow::isEveryHandlerFinished);
      return Workflow.getInfo().getWorkflowType() + ": " + item + " to " + leader + " for " + highest
          + ", " + audit + ", audit running at close: " + auditWasRunning;
    }

    @Override
    public int bid(String bidder, int amount) {
      leader = bidder;
      highest = amount;
      return highest;
    }

    @Override
    public void checkBid(String bidder, int amount) {
      if (amount < reservePrice || amount <= highest) {
        throw new IllegalArgumentException(amount + " is below the reserve or the highest bid");
      }
    }

    @Override
    public void closeAfterAudit() {
      closing = true;
      audit = auditor.audit(item, highest);
    }

    @Override
    public String terms() {
      return item + " from " + reservePrice;
    }
  }

  private final AuditActivities auditor = mock(AuditActivities.class);

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(AuctionWorkflowImpl.class)
      .setActivityImplementations(auditor)
      .build();

  private AuctionWorkflow startAuction(String workflowId, String item, int reservePrice) {
    AuctionWorkflow auction = testWorkflowRule.getWorkflowClient().newWorkflowStub(AuctionWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
    WorkflowClient.start(auction::sell, item, reservePrice);
    return auction;
  }

  @Test
  public void bid_shouldBeRejectedWithoutATrace_whenTheValidatorOfTheNamedUpdateRefusesIt() {
    AuctionWorkflow auction = startAuction("auction-1", "lamp", 100);

    assertThrows(WorkflowUpdateException.class, () -> auction.bid("ann", 50)); // below the @WorkflowInit reserve
    assertEquals(120, auction.bid("ann", 120));
    assertThrows(WorkflowUpdateException.class, () -> auction.bid("bob", 110)); // below the highest bid

    assertEquals("lamp from 100", auction.terms());
    WorkflowExecutionHistory history = testWorkflowRule.getWorkflowClient().fetchHistory("auction-1");
    assertEquals(1, history.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED).count());
  }

  @Test
  public void sell_shouldWaitForTheRunningAuditHandler_whenClosedByASignal() {
    when(auditor.audit("lamp", 150)).thenReturn("audited by Kay");
    AuctionWorkflow auction = startAuction("auction-2", "lamp", 100);
    auction.bid("bob", 150);

    auction.closeAfterAudit();

    assertEquals("AuctionWorkflow: lamp to bob for 150, audited by Kay, audit running at close: true",
        WorkflowStub.fromTyped(auction).getResult(String.class));
    verify(auditor).audit("lamp", 150);
    String history = testWorkflowRule.getWorkflowClient().fetchHistory("auction-2").toJson(false);
    assertTrue("the activity type is the @ActivityMethod name", history.contains("\"AuditAuction\""));
  }
}
