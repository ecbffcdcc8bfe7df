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
 * Consumes the timer queue: fires durable timers (once: a stale or duplicate one changes nothing)
 * and runs activities' schedule-to-start and schedule-to-close checks and workflows' run and
 * execution timeouts. A timer longer than SQS's
 * 15-minute delay arrives early and is sent on with the rest of its delay.
 */
public final class TimerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger log = LoggerFactory.getLogger(TimerHandler.class);

  private final CairnRuntime runtime;
  private final TaskBatch batch;
  private final ActivityDeadlines deadlines;

  /** Lambda's constructor: the runtime comes from the function's environment. */
  public TimerHandler() {
    this(CairnRuntime.fromEnvironment());
  }

  public TimerHandler(CairnRuntime runtime) {
    this.runtime = runtime;
    this.batch = new TaskBatch(runtime, t -> t instanceof Task.TimerTask || t instanceof Task.ActivityTimeoutTask
        || t instanceof Task.WorkflowTimeoutTask);
    this.deadlines = new ActivityDeadlines(runtime.service(), runtime.store());
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return batch.process(event, due -> TaskBatch.inParallel(due, received -> {
      try {
        switch (received.outbox().task()) {
          case Task.TimerTask t -> runtime.service().fireTimer(t);
          case Task.ActivityTimeoutTask t -> deadlines.check(t);
          case Task.WorkflowTimeoutTask t -> runtime.service().timeoutWorkflow(t);
          default -> throw new IllegalStateException("not a timer task: " + received.outbox().task());
        }
        return Set.of();
      } catch (RuntimeException e) {
        log.error("timer message {} could not be handled; SQS will deliver it again", received.messageId(), e);
        return Set.of(received.messageId());
      }
    }));
  }
}
