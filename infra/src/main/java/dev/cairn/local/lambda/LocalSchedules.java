package dev.cairn.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's schedule rules ({@code Schedule} and {@code ScheduleV2} events) firing their
 * functions on a clock. Next fire times come from the {@link Clock}; the wait until then is real time.
 *
 * <p>As EventBridge does, a target is invoked asynchronously with the scheduled event (or the rule's
 * constant Input). Unlike EventBridge, a fire is skipped while the previous invocation of the same
 * rule still runs, and a failed invocation is logged, not retried.
 */
public final class LocalSchedules implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalSchedules.class);

    /** One rule: its name (for the event's resources), when it fires, what it invokes and with what. */
    public record Schedule(String ruleName, ScheduleExpression expression, LocalFunction function, Optional<String> input) {}

    private final List<Rule> rules;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    private LocalSchedules(List<Schedule> schedules, Clock clock) {
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("cairn-schedules").unstarted(r));
        this.rules = schedules.stream().map(Rule::new).toList();
    }

    /** Starts every schedule: a rate fires first one period from now, a cron at its next matching minute. */
    public static LocalSchedules start(List<Schedule> schedules, Clock clock) {
        LocalSchedules s = new LocalSchedules(schedules, clock);
        Instant now = clock.instant();
        s.rules.forEach(r -> r.scheduleAfter(now));
        return s;
    }

    /** Fires so far of the rule with this name (invocations started, whatever their outcome). */
    public long fires(String ruleName) {
        return rules.stream().filter(r -> r.schedule.ruleName().equals(ruleName)).mapToLong(r -> r.fires.get()).sum();
    }

    /**
     * Fires the rule now, as its timer would (tests, and a user who wants a scheduled workflow now
     * rather than at the next period); waits for the invocation and returns what the function returned.
     */
    public Object fireNow(String ruleName) {
        Rule rule = rules.stream().filter(r -> r.schedule.ruleName().equals(ruleName)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no schedule rule " + ruleName + "; rules: "
                        + rules.stream().map(r -> r.schedule.ruleName()).toList()));
        rule.fires.incrementAndGet();
        JsonNode event = EventBridgeEvents.scheduled(ruleName, UUID.randomUUID().toString(), clock.instant());
        return rule.schedule.function().invoke(EventBridgeEvents.payload(event, rule.schedule.input(),
                rule.schedule.function().inputType()));
    }

    /** The names of the rules, as events name them in {@code resources}. */
    public List<String> ruleNames() {
        return rules.stream().map(r -> r.schedule.ruleName()).toList();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class Rule {
        private final Schedule schedule;
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicLong fires = new AtomicLong();

        Rule(Schedule schedule) {
            this.schedule = schedule;
        }

        void scheduleAfter(Instant previous) {
            Optional<Instant> next = schedule.expression().nextAfter(previous);
            if (next.isEmpty()) {
                log.info("schedule {} ({}) will not fire again", schedule.ruleName(), schedule.expression());
                return;
            }
            long delayMs = Math.max(0, Duration.between(clock.instant(), next.get()).toMillis());
            if (!timer.isShutdown()) {
                timer.schedule(() -> fire(next.get()), delayMs, TimeUnit.MILLISECONDS);
            }
        }

        private void fire(Instant due) {
            // Late by more than a moment (a suspended laptop): go on from now instead of catching up.
            Instant now = clock.instant();
            scheduleAfter(now.isAfter(due.plusSeconds(1)) ? now : due);
            if (!running.compareAndSet(false, true)) {
                log.debug("schedule {}: skipped a fire, the previous invocation still runs", schedule.ruleName());
                return;
            }
            fires.incrementAndGet();
            JsonNode event = EventBridgeEvents.scheduled(schedule.ruleName(), UUID.randomUUID().toString(), due);
            Thread.ofVirtual().name("schedule-" + schedule.ruleName()).start(() -> {
                try {
                    schedule.function().invoke(EventBridgeEvents.payload(event, schedule.input(), schedule.function().inputType()));
                } catch (RuntimeException e) {
                    log.warn("schedule {}: {}", schedule.ruleName(), e.getMessage(), e.getCause());
                } finally {
                    running.set(false);
                }
            });
        }
    }
}
