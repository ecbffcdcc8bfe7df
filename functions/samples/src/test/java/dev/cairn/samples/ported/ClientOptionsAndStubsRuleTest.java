package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.cairn.client.WorkflowClient;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowRule;
import org.junit.Rule;
import org.junit.Test;

/**
 * What Temporal's samples read from a client: {@code client.getOptions().getNamespace()} and
 * {@code client.getWorkflowServiceStubs().healthCheck()}, here on the test environment's client.
 */
public class ClientOptionsAndStubsRuleTest {

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder().setNamespace("billing").build();

  @Test
  public void getOptions_shouldGiveTheEnvironmentsNamespace_whenTheRuleSetOne() {
    WorkflowClient client = testWorkflowRule.getWorkflowClient();

    assertEquals("billing", client.getOptions().getNamespace());
    assertEquals(testWorkflowRule.getTestEnvironment().getNamespace(), client.getOptions().getNamespace());
  }

  @Test
  public void healthCheck_shouldPassWhileTheEnvironmentRuns_andFailOnceItIsShutDown() {
    TestWorkflowEnvironment testEnv = testWorkflowRule.getTestEnvironment();
    WorkflowServiceStubs stubs = testWorkflowRule.getWorkflowClient().getWorkflowServiceStubs();
    assertSame(testEnv.getWorkflowServiceStubs(), stubs);

    stubs.healthCheck();
    assertFalse(stubs.isShutdown());

    testEnv.shutdown();

    assertTrue(stubs.isShutdown());
    assertThrows(IllegalStateException.class, stubs::healthCheck);
  }
}
