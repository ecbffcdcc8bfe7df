package dev.cairn.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.internal.client.VisibilityQuery;
import org.junit.jupiter.api.Test;

class ListPathTest {
  @Test
  void of_shouldUseTheApisFilters_whenTheQueryNamesStatusTypeAndAnAttribute() {
    String path = ListPath.of(VisibilityQuery.parse(
        "WorkflowType = 'Order Workflow' AND ExecutionStatus = 'ContinuedAsNew' AND CustomerId = 'c&1'"), 1000, null);

    assertEquals("/workflows?pageSize=1000&status=CONTINUED_AS_NEW&workflowType=Order%20Workflow&CustomerId=c%261", path);
  }

  @Test
  void of_shouldPassTheTokenAndNoWorkflowId_whenAskedForTheNextPageOfOneWorkflow() {
    String path = ListPath.of(VisibilityQuery.parse("WorkflowId = 'order-1' AND Priority = 3"), 50, "100");

    assertEquals("/workflows?pageSize=50&Priority=3&nextPageToken=100", path);
    assertTrue(!path.contains("order-1"), "WorkflowId is matched by the client, not a list parameter");
  }
}
