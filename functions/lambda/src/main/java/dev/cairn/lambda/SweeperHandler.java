package dev.cairn.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's recovery path (invariant 2), run by a schedule rule every minute: re-sends tasks
 * committed more than a grace period ago (CAIRN_SWEEP_GRACE, default PT1M: longer than any commit
 * takes to reach its send) and never marked sent, at most CAIRN_SWEEP_LIMIT (default 500) a run.
 * Returns how many it re-sent. A task sent twice is harmless: every consumer is idempotent.
 */
public final class SweeperHandler implements RequestHandler<ScheduledEvent, Integer> {
  private static final Logger log = LoggerFactory.getLogger(SweeperHandler.class);
  static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);
  static final int DEFAULT_LIMIT = 500;

  private final CairnRuntime runtime;
  private final Duration grace;
  private final int limit;

  /** Lambda's constructor: the runtime comes from the function's environment. */
  public SweeperHandler() {
    this(CairnRuntime.fromEnvironment(), setting("CAIRN_SWEEP_GRACE", DEFAULT_GRACE.toString()),
        setting("CAIRN_SWEEP_LIMIT", String.valueOf(DEFAULT_LIMIT)));
  }

  /** Re-sends what stayed unsent longer than the runtime's {@link CairnRuntime#sweepGrace()}. */
  public SweeperHandler(CairnRuntime runtime) {
    this(runtime, runtime.sweepGrace().toString(), String.valueOf(DEFAULT_LIMIT));
  }

  private SweeperHandler(CairnRuntime runtime, String grace, String limit) {
    this.runtime = runtime;
    this.grace = Duration.parse(grace);
    this.limit = Integer.parseInt(limit);
  }

  @Override
  public Integer handleRequest(ScheduledEvent event, Context context) {
    Instant olderThan = runtime.clock().instant().minus(grace);
    int resent = runtime.service().recoverUnsentTasks(olderThan, limit);
    if (resent > 0) {
      log.warn("re-sent {} task(s) committed before {} but never sent", resent, olderThan);
    } else {
      log.debug("no unsent tasks committed before {}", olderThan);
    }
    return resent;
  }

  private static String setting(String name, String otherwise) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? otherwise : v;
  }
}
