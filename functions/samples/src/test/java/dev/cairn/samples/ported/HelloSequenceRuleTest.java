package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.samples.hello.HelloSequence.OrderActivities;
import dev.cairn.samples.hello.HelloSequence.OrderActivitiesImpl;
import dev.cairn.samples.hello.HelloSequence.OrderWorkflow;
import dev.cairn.samples.hello.HelloSequence.OrderWorkflowImpl;
import dev.cairn.testing.TestWorkflowRule;
import org.junit.Rule;
import org.junit.Test;
import org.mockito.InOrder;

/** HelloSequence with the JUnit 4 rule; activities registered after the rule is built (setDoNotStart). */
public class HelloSequenceRuleTest {
  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(OrderWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  @Test
  public void process_shouldPassEachResultToTheNextStep_whenStepsAreMocked() {
    OrderActivities activities = mock(OrderActivities.class, withSettings().withoutAnnotations());
    when(activities.validate("order-7")).thenReturn("v7");
    when(activities.charge("v7")).thenReturn("c7");
    when(activities.ship("c7")).thenReturn("shipped-7");
    testWorkflowRule.getWorker().registerActivitiesImplementations(activities);
    testWorkflowRule.getTestEnvironment().start();

    String result = testWorkflowRule.newWorkflowStub(OrderWorkflow.class).process("order-7");

    assertEquals("shipped-7", result);
    InOrder order = inOrder(activities);
    order.verify(activities).validate("order-7");
    order.verify(activities).charge("v7");
    order.verify(activities).ship("c7");
    order.verifyNoMoreInteractions();
  }

  @Test
  public void process_shouldReturnTheShippedOrder_whenTheRealActivitiesRun() {
    testWorkflowRule.getWorker().registerActivitiesImplementations(new OrderActivitiesImpl());
    testWorkflowRule.getTestEnvironment().start();

    String result = testWorkflowRule.newWorkflowStub(OrderWorkflow.class).process("order-7");

    assertEquals("order-7:validated:charged:shipped", result);
  }
}
