package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowQueryException;
import dev.cairn.client.WorkflowStub;
import dev.cairn.samples.hello.HelloQuery.ReportActivities;
import dev.cairn.samples.hello.HelloQuery.ReportWorkflow;
import dev.cairn.testing.TestWorkflowEnvironment;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloQueryTest {
  private static final String TASK_QUEUE = "hello-query";

  /** A report build that runs until the test lets it finish. */
  static class HeldReportActivities implements ReportActivities {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String build(String topic, int seconds) {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "report on " + topic;
    }
  }

  private final HeldReportActivities activities = new HeldReportActivities();
  private TestWorkflowEnvironment env;
  private ReportWorkflow workflow;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(HelloQuery.ReportWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    workflow = env.getWorkflowClient().newWorkflowStub(ReportWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).build());
  }

  @AfterEach
  void tearDown() {
    activities.release.countDown();
    env.close();
  }

  @Test
  void progress_shouldReportTheBuild_whenQueriedDuringTheLongActivity() throws Exception {
    WorkflowClient.start(workflow::buildReport, "sales", 3600);
    assertTrue(activities.started.await(10, TimeUnit.SECONDS), "the activity started");

    assertEquals("building report on sales", workflow.progress());

    activities.release.countDown();
    assertEquals("report on sales", WorkflowStub.fromTyped(workflow).getResult(String.class));
  }

  @Test
  void progress_shouldAnswerFromTheClosedRun_whenQueriedAfterCompletion() {
    activities.release.countDown();
    workflow.buildReport("costs", 1);

    String history = env.getWorkflowClient().fetchHistory(WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId())
        .toJson(false);
    assertEquals("done: report on costs", workflow.progress());
    assertEquals(history, env.getWorkflowClient().fetchHistory(WorkflowStub.fromTyped(workflow).getExecution()
        .getWorkflowId()).toJson(false), "the query wrote nothing");
  }

  @Test
  void query_shouldListKnownQueryTypes_whenTheQueryTypeIsUnknown() {
    activities.release.countDown();
    workflow.buildReport("people", 1);

    WorkflowQueryException e = assertThrows(WorkflowQueryException.class,
        () -> WorkflowStub.fromTyped(workflow).query("eta", String.class));

    assertEquals("Unknown query type: eta, knownTypes=[progress]", e.getCause().getMessage());
  }
}
