package dev.cairn.samples.hello;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * Queries: a report is built by a long activity; the workflow's progress can be asked at any time,
 * while the activity runs and after the workflow has completed.
 */
public final class HelloQuery {
  private HelloQuery() {}

  @WorkflowInterface
  public interface ReportWorkflow {
    /** Builds the report on {@code topic}; the activity takes {@code buildSeconds}. */
    @WorkflowMethod
    String buildReport(String topic, int buildSeconds);

    @QueryMethod
    String progress();
  }

  @ActivityInterface
  public interface ReportActivities {
    String build(String topic, int seconds);
  }

  public static class ReportWorkflowImpl implements ReportWorkflow {
    private final ReportActivities activities = Workflow.newActivityStub(ReportActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(5)).build());
    private String progress = "queued";

    @Override
    public String buildReport(String topic, int buildSeconds) {
      progress = "building report on " + topic;
      String report = activities.build(topic, buildSeconds);
      progress = "done: " + report;
      return report;
    }

    @Override
    public String progress() {
      return progress;
    }
  }

  public static class ReportActivitiesImpl implements ReportActivities {
    @Override
    public String build(String topic, int seconds) {
      try {
        Thread.sleep(Duration.ofSeconds(seconds)); // the slow part of a real report
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return "report on " + topic;
    }
  }
}
