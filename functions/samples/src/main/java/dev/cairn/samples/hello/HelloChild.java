package dev.cairn.samples.hello;

import dev.cairn.failure.ApplicationFailure;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;

/**
 * Shows a child workflow: the parent starts a child that composes the greeting and returns the
 * child's result. A blank name makes the child fail; the parent then fails with a
 * ChildWorkflowFailure whose cause is the child's ApplicationFailure.
 */
public final class HelloChild {
  private HelloChild() {}

  @WorkflowInterface
  public interface ParentGreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  @WorkflowInterface
  public interface GreetingChild {
    @WorkflowMethod
    String composeGreeting(String greeting, String name);
  }

  public static class ParentGreetingWorkflowImpl implements ParentGreetingWorkflow {
    @Override
    public String getGreeting(String name) {
      // Named after the parent, so the child is easy to find; Cairn would otherwise pick a UUID.
      GreetingChild child = Workflow.newChildWorkflowStub(GreetingChild.class, ChildWorkflowOptions.newBuilder()
          .setWorkflowId(Workflow.getInfo().getWorkflowId() + "-child").build());
      return child.composeGreeting("Hello", name);
    }
  }

  public static class GreetingChildImpl implements GreetingChild {
    @Override
    public String composeGreeting(String greeting, String name) {
      if (name == null || name.isBlank()) {
        throw ApplicationFailure.newNonRetryableFailure("there is no one to greet", "EmptyName");
      }
      return greeting + " " + name + "!";
    }
  }
}
