package dev.cairn.internal.aws.sqs;

import dev.cairn.internal.store.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which SQS queue each task goes to: decisions and child workflow tasks to the decision queue, timers and activity timeout
 * checks to the timer queue, an activity to its task queue's queue (the default activity queue for a
 * task queue without one of its own).
 *
 * @param activityQueueUrls task queue name → queue URL, for task queues served by their own function
 */
public record QueueRoutes(String decisionQueueUrl, String timerQueueUrl, String defaultActivityQueueUrl,
    Map<String, String> activityQueueUrls) {

  public QueueRoutes {
    Objects.requireNonNull(decisionQueueUrl, "decision queue URL");
    Objects.requireNonNull(timerQueueUrl, "timer queue URL");
    Objects.requireNonNull(defaultActivityQueueUrl, "activity queue URL");
    activityQueueUrls = Map.copyOf(activityQueueUrls == null ? Map.of() : activityQueueUrls);
  }

  public QueueRoutes(String decisionQueueUrl, String timerQueueUrl, String defaultActivityQueueUrl) {
    this(decisionQueueUrl, timerQueueUrl, defaultActivityQueueUrl, Map.of());
  }

  /**
   * From CAIRN_DECISION_QUEUE_URL, CAIRN_TIMER_QUEUE_URL, CAIRN_ACTIVITY_QUEUE_URL and the optional
   * CAIRN_TASK_QUEUE_URLS ({@code orders=https://...,billing=https://...}).
   */
  public static QueueRoutes fromEnvironment(Map<String, String> env) {
    Map<String, String> perTaskQueue = new LinkedHashMap<>();
    String list = env.getOrDefault("CAIRN_TASK_QUEUE_URLS", "");
    for (String pair : list.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("CAIRN_TASK_QUEUE_URLS entry \"" + pair + "\" is not taskQueue=url");
      }
      perTaskQueue.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return new QueueRoutes(required(env, "CAIRN_DECISION_QUEUE_URL"), required(env, "CAIRN_TIMER_QUEUE_URL"),
        required(env, "CAIRN_ACTIVITY_QUEUE_URL"), perTaskQueue);
  }

  private static String required(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return v;
  }

  public String urlFor(Task task) {
    return switch (task) {
      case Task.DecisionTask d -> decisionQueueUrl;
      case Task.ActivityTask a -> activityQueueUrls.getOrDefault(a.taskQueue(), defaultActivityQueueUrl);
      case Task.TimerTask t -> timerQueueUrl;
      case Task.ActivityTimeoutTask t -> timerQueueUrl;
      case Task.WorkflowTimeoutTask t -> timerQueueUrl;
      // Work on a run's history, like a decision: the decision function consumes them.
      case Task.StartChildTask t -> decisionQueueUrl;
      case Task.ChildClosedTask t -> decisionQueueUrl;
      case Task.CancelChildTask t -> decisionQueueUrl;
      case Task.ParentClosedTask t -> decisionQueueUrl;
      case Task.SignalExternalTask t -> decisionQueueUrl;
      case Task.CancelExternalTask t -> decisionQueueUrl;
    };
  }

  /** The URL of a known queue by its name (the last part of its URL and ARN), without asking SQS. */
  public Optional<String> urlOfQueueNamed(String queueName) {
    for (String url : allUrls()) {
      if (url.endsWith("/" + queueName)) {
        return Optional.of(url);
      }
    }
    return Optional.empty();
  }

  private Iterable<String> allUrls() {
    java.util.List<String> urls = new java.util.ArrayList<>(java.util.List.of(decisionQueueUrl, timerQueueUrl,
        defaultActivityQueueUrl));
    urls.addAll(activityQueueUrls.values());
    return urls;
  }
}
