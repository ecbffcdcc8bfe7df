package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.testing.Greetings.GreetingActivitiesImpl;
import dev.cairn.testing.Greetings.GreetingWorkflow;
import dev.cairn.testing.Greetings.GreetingWorkflowImpl;
import org.junit.Rule;
import org.junit.jupiter.api.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;

/** The rule's life cycle seen from outside: what happens around a JUnit 4 test, run by JUnit 4 itself. */
class TestWorkflowRuleOnJUnit4Test {
  static TestWorkflowEnvironment environmentOfLastRun;

  public static class StartedByRule {
    @Rule
    public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
        .setWorkflowTypes(GreetingWorkflowImpl.class)
        .setActivityImplementations(new GreetingActivitiesImpl())
        .build();

    @org.junit.Test
    public void greets() {
      environmentOfLastRun = testWorkflowRule.getTestEnvironment();
      org.junit.Assert.assertTrue(testWorkflowRule.getTestEnvironment().isStarted());
      org.junit.Assert.assertEquals("Hello Di!",
          testWorkflowRule.newWorkflowStub(GreetingWorkflow.class).getGreeting("Di"));
    }
  }

  @Test
  void apply_shouldStartBeforeAndCloseAfterTest_whenDoNotStartIsFalse() {
    Result result = JUnitCore.runClasses(StartedByRule.class);

    assertTrue(result.wasSuccessful(), () -> String.valueOf(result.getFailures()));
    assertEquals(1, result.getRunCount());
    // the rule closed it after the test; closing again is safe
    org.junit.jupiter.api.Assertions.assertDoesNotThrow(environmentOfLastRun::close);
  }
}
