package dev.cairn.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cairn.internal.store.Task;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes an activity queue: runs the batch's activity attempts in parallel, one virtual thread
 * each ({@link ActivityAttempt}), and reports the messages whose attempt could not be checked or
 * recorded (the store unavailable) for SQS to deliver again.
 */
public final class ActivityHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger log = LoggerFactory.getLogger(ActivityHandler.class);
  /** Shown as the worker identity in ActivityTaskStarted/Completed/Failed events. */
  private static final String IDENTITY = identity();

  private final CairnRuntime runtime;
  private final TaskBatch batch;

  /** Lambda's constructor: the runtime comes from the function's environment. */
  public ActivityHandler() {
    this(CairnRuntime.fromEnvironment());
  }

  public ActivityHandler(CairnRuntime runtime) {
    this.runtime = runtime;
    this.batch = new TaskBatch(runtime, t -> t instanceof Task.ActivityTask);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return batch.process(event, due -> TaskBatch.inParallel(due, received -> {
      try {
        new ActivityAttempt(runtime, received, IDENTITY).run();
        return Set.of();
      } catch (RuntimeException e) {
        log.error("activity message {} could not be handled; SQS will deliver it again", received.messageId(), e);
        return Set.of(received.messageId());
      }
    }));
  }

  private static String identity() {
    String function = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    return function == null ? "cairn-activity-handler" : "lambda:" + function;
  }
}
