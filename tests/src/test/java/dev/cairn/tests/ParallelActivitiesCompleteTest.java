package dev.cairn.tests;

import static dev.cairn.tests.support.CairnHttp.eventTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CleanHistory;
import dev.cairn.tests.support.EmbeddedStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user greets several people at once: one activity per name, all scheduled by one decision. */
class ParallelActivitiesCompleteTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void multiGreeting_shouldReturnEveryGreetingInOrder_whenTheActivitiesRunInParallel() {
    String id = "greet-parallel-1";
    stack.api().start("MultiGreetingWorkflow", id, List.of("Ann", "Bob", "Cy", "Dee"));

    JsonNode described = stack.api().awaitCompleted(id, Scenarios.COMPLETES_WITHIN);

    assertEquals(List.of("Hello Ann!", "Hello Bob!", "Hello Cy!", "Hello Dee!"), toList(described.get("result")));
    List<JsonNode> events = stack.api().history(id);
    CleanHistory.assertEachActivityCompletedOnce(id, events);
    List<String> types = eventTypes(events);
    assertEquals(List.of("WorkflowExecutionStarted", "WorkflowTaskCompleted", "ActivityTaskScheduled",
        "ActivityTaskScheduled", "ActivityTaskScheduled", "ActivityTaskScheduled"), types.subList(0, 6),
        "the first decision schedules all four before any completes");
    assertTrue(types.indexOf("ActivityTaskCompleted") > types.lastIndexOf("ActivityTaskScheduled"));
  }

  private static List<String> toList(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
