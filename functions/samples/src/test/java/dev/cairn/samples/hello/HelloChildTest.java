package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.ChildWorkflowFailure;
import dev.cairn.testing.TestWorkflowExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HelloChildTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(HelloChild.ParentGreetingWorkflowImpl.class, HelloChild.GreetingChildImpl.class)
      .build();

  @Test
  void getGreeting_shouldReturnChildsGreeting_whenChildCompletes(HelloChild.ParentGreetingWorkflow workflow) {
    assertEquals("Hello World!", workflow.getGreeting("World"));
  }

  @Test
  void getGreeting_shouldFailWithChildsCause_whenNameIsBlank(WorkflowClient client, WorkflowOptions options) {
    HelloChild.ParentGreetingWorkflow workflow = client.newWorkflowStub(HelloChild.ParentGreetingWorkflow.class, options);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> workflow.getGreeting(" "));

    ChildWorkflowFailure child = assertInstanceOf(ChildWorkflowFailure.class, e.getCause());
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, child.getCause());
    assertEquals("EmptyName", cause.getType());
    assertEquals("there is no one to greet", cause.getOriginalMessage());
  }
}
