package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.EmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A child that fails makes its parent fail with a child workflow failure whose cause is the child's own. */
class ChildFailureSurfacesInParentTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void parentGreetingWorkflow_shouldFailWithChildsApplicationFailureAsCause_whenChildFails() {
    stack.api().start("ParentGreetingWorkflow", "hello-child-fails", "");

    JsonNode parent = stack.api().awaitClosed("hello-child-fails", Scenarios.COMPLETES_WITHIN);

    assertEquals("FAILED", parent.get("status").asText(), parent.toString());
    JsonNode failure = parent.get("failure");
    JsonNode childInfo = failure.get("childWorkflowExecutionFailureInfo");
    assertEquals("GreetingChild", childInfo.get("workflowType").asText(), failure.toString());
    assertEquals("hello-child-fails-child", childInfo.get("workflowExecution").get("workflowId").asText(), failure.toString());
    JsonNode cause = failure.get("cause");
    assertEquals("there is no one to greet", cause.get("message").asText(), failure.toString());
    assertEquals("EmptyName", cause.get("applicationFailureInfo").get("type").asText(), failure.toString());
    JsonNode child = stack.api().awaitClosed("hello-child-fails-child", Scenarios.COMPLETES_WITHIN);
    assertEquals("FAILED", child.get("status").asText());
  }
}
