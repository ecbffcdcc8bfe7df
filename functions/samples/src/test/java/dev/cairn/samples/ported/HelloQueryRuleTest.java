package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowStub;
import dev.cairn.samples.hello.HelloQuery.ReportActivities;
import dev.cairn.samples.hello.HelloQuery.ReportWorkflow;
import dev.cairn.samples.hello.HelloQuery.ReportWorkflowImpl;
import dev.cairn.testing.TestWorkflowRule;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;

/** HelloQuery with the JUnit 4 rule: a mocked report build the test holds open while it queries. */
public class HelloQueryRuleTest {
  private final ReportActivities activities = mock(ReportActivities.class, withSettings().withoutAnnotations());
  private final CountDownLatch buildStarted = new CountDownLatch(1);
  private final CountDownLatch buildReleased = new CountDownLatch(1);

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(ReportWorkflowImpl.class)
      .setActivityImplementations(activities)
      .build();

  @Test
  public void progress_shouldFollowTheBuild_whenQueriedDuringAndAfterIt() throws Exception {
    when(activities.build("sales", 3600)).thenAnswer(call -> {
      buildStarted.countDown();
      // bounded, so a failed test cannot hang the worker past the rule's shutdown
      buildReleased.await(30, TimeUnit.SECONDS);
      return "sales report";
    });
    ReportWorkflow workflow = testWorkflowRule.newWorkflowStub(ReportWorkflow.class);

    WorkflowClient.start(workflow::buildReport, "sales", 3600);
    try {
      assertTrue("the build started", buildStarted.await(10, TimeUnit.SECONDS));
      assertEquals("building report on sales", workflow.progress());
    } finally {
      buildReleased.countDown();
    }

    assertEquals("sales report", WorkflowStub.fromTyped(workflow).getResult(String.class));
    assertEquals("done: sales report", workflow.progress());
    verify(activities).build("sales", 3600);
  }
}
