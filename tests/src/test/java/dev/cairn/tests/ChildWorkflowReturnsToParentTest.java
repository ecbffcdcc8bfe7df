package dev.cairn.tests;

import static dev.cairn.tests.support.CairnHttp.eventTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.EmbeddedStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user starts HelloChild's parent and gets the greeting its child workflow composed. */
class ChildWorkflowReturnsToParentTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void parentGreetingWorkflow_shouldReturnChildsResult_whenChildCompletes() {
    stack.api().start("ParentGreetingWorkflow", "hello-child-1", "World");

    JsonNode parent = stack.api().awaitCompleted("hello-child-1", Scenarios.COMPLETES_WITHIN);

    assertEquals("Hello World!", parent.get("result").asText());
    JsonNode child = stack.api().awaitCompleted("hello-child-1-child", Scenarios.COMPLETES_WITHIN);
    assertEquals("GreetingChild", child.get("workflowType").asText());
    assertEquals("Hello World!", child.get("result").asText());
    List<JsonNode> events = stack.api().history("hello-child-1");
    // Decisions may see the child's start and outcome together or apart; the events are the same.
    assertEquals(List.of("WorkflowExecutionStarted", "StartChildWorkflowExecutionInitiated",
        "ChildWorkflowExecutionStarted", "ChildWorkflowExecutionCompleted", "WorkflowExecutionCompleted"),
        eventTypes(events).stream().filter(t -> !t.equals("WorkflowTaskCompleted")).toList());
    JsonNode started = events.stream().filter(e -> e.get("eventType").asText().equals("ChildWorkflowExecutionStarted"))
        .findFirst().orElseThrow().get("attributes");
    assertEquals(child.get("runId").asText(), started.get("runId").asText(), "the parent records the child's run");
    JsonNode childStart = stack.api().history("hello-child-1-child").get(0).get("attributes");
    assertEquals("hello-child-1", childStart.get("parentWorkflowId").asText());
    assertEquals(parent.get("runId").asText(), childStart.get("parentRunId").asText());
  }
}
