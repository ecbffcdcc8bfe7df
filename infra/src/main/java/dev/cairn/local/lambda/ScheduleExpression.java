package dev.cairn.local.lambda;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(N unit)} or {@code cron(min hour dom month dow year)},
 * both in UTC as EventBridge rules evaluate them.
 */
public sealed interface ScheduleExpression permits ScheduleExpression.Rate, CronExpression {

    /** The first fire time strictly after {@code after}; empty when the schedule never fires again. */
    Optional<Instant> nextAfter(Instant after);

    static ScheduleExpression parse(String expression) {
        String e = expression.trim();
        if (e.startsWith("rate(") && e.endsWith(")")) {
            return Rate.parse(e.substring(5, e.length() - 1));
        }
        if (e.startsWith("cron(") && e.endsWith(")")) {
            return CronExpression.parse(e.substring(5, e.length() - 1));
        }
        throw new IllegalArgumentException("not a schedule expression (rate(...) or cron(...)): '" + expression + "'");
    }

    /**
     * {@code rate(5 minutes)}: every period, counted from when the schedule starts (as a rule created
     * at that moment would fire). Units as EventBridge spells them: singular for 1, plural otherwise.
     */
    record Rate(Duration period) implements ScheduleExpression {
        private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*");

        public Rate {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate must be positive, got " + period);
            }
        }

        static Rate parse(String body) {
            Matcher m = FORM.matcher(body.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("rate(" + body + "): expected rate(N minute[s]|hour[s]|day[s])");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2);
            if (n == 0) {
                throw new IllegalArgumentException("rate(" + body + "): the value must be positive");
            }
            if ((n == 1) != !unit.endsWith("s")) {
                throw new IllegalArgumentException("rate(" + body + "): EventBridge wants the singular unit for 1 and the plural otherwise");
            }
            Duration period = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(n);
                case "hour" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return new Rate(period);
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return Optional.of(after.plus(period));
        }
    }
}
