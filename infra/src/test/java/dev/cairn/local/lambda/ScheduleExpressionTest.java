package dev.cairn.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Next fire times as pure computations on dates (UTC, as EventBridge evaluates rules). */
class ScheduleExpressionTest {

    private static Optional<Instant> next(String expression, String after) {
        return ScheduleExpression.parse(expression).nextAfter(Instant.parse(after));
    }

    @Test
    void nextAfter_shouldAddPeriod_whenRate() {
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:05:00Z")), next("rate(5 minutes)", "2026-01-01T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-01-01T01:00:00Z")), next("rate(1 hour)", "2026-01-01T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-01-03T00:00:00Z")), next("rate(2 days)", "2026-01-01T00:00:00Z"));
        assertEquals(new ScheduleExpression.Rate(Duration.ofMinutes(1)), ScheduleExpression.parse("rate(1 minute)"));
    }

    @Test
    void parse_shouldRefuse_whenRateIsMalformed() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(1 minutes)"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(5 minute)"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(0 minutes)"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(5 seconds)"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("every 5 minutes"));
    }

    @Test
    void nextAfter_shouldFollowStepsAndBeStrictlyLater_whenCron() {
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:15:00Z")), next("cron(0/15 * * * ? *)", "2026-01-01T00:07:30Z"));
        assertEquals(Optional.of(Instant.parse("2026-01-01T01:00:00Z")), next("cron(0/15 * * * ? *)", "2026-01-01T00:45:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-03-06T10:00:00Z")), next("cron(0 10 * * ? *)", "2026-03-05T10:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-03-05T10:20:00Z")), next("cron(10-50/10 10 * * ? *)", "2026-03-05T10:10:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-03-05T14:00:00Z")), next("cron(0 8,14,20 * * ? *)", "2026-03-05T08:00:00Z"));
    }

    @Test
    void nextAfter_shouldSkipToMonday_whenWeekdaysOnlyAndItIsFriday() {
        // 2026-11-27 is a Friday; days of the week count 1-7 from Sunday, or by name.
        assertEquals(Optional.of(Instant.parse("2026-11-30T09:00:00Z")), next("cron(0 9 ? * MON-FRI *)", "2026-11-27T09:30:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-11-30T09:00:00Z")), next("cron(0 9 ? * 2-6 *)", "2026-11-27T09:30:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-11-29T00:05:00Z")), next("cron(5 * ? * 1 *)", "2026-11-27T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-11-28T00:00:00Z")), next("cron(0 0 ? * SAT *)", "2026-11-27T23:59:59Z"));
    }

    @Test
    void nextAfter_shouldHonourMonthsAndYears_andEndWhenYearsRunOut() {
        assertEquals(Optional.of(Instant.parse("2027-01-01T02:30:00Z")), next("cron(30 2 1 JAN,JUL ? 2027-2028)", "2026-05-01T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2027-07-01T02:30:00Z")), next("cron(30 2 1 JAN,JUL ? 2027-2028)", "2027-01-01T02:30:00Z"));
        assertEquals(Optional.empty(), next("cron(30 2 1 JAN,JUL ? 2027-2028)", "2028-07-01T02:30:00Z"));
        assertEquals(Optional.of(Instant.parse("2028-02-29T00:00:00Z")), next("cron(0 0 29 2 ? *)", "2026-03-01T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-12-31T23:59:00Z")), next("cron(59 23 31 12 ? *)", "2026-12-31T23:58:00Z"));
    }

    @Test
    void parse_shouldRefuseClearly_whenCronUsesUnsupportedOrInvalidFields() {
        IllegalArgumentException last = assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 L * ? *)"));
        assertTrue(last.getMessage().contains("'L' is not supported"), last.getMessage());
        IllegalArgumentException hash = assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 ? * 6#3 *)"));
        assertTrue(hash.getMessage().contains("'#' is not supported"), hash.getMessage());
        IllegalArgumentException weekday = assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 15W * ? *)"));
        assertTrue(weekday.getMessage().contains("'W' is not supported"), weekday.getMessage());
        IllegalArgumentException bothDays = assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 * * * *)"));
        assertTrue(bothDays.getMessage().contains("exactly one of day-of-month and day-of-week"), bothDays.getMessage());
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 * * ?)"));
        assertTrue(fields.getMessage().contains("expected 6 fields"), fields.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(60 0 * * ? *)"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 ? * 8 *)"));
    }
}
