package dev.cairn.local.lambda;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * EventBridge's six-field cron, in UTC: minutes hours day-of-month month day-of-week year.
 *
 * <p>Each field takes {@code *}, values, lists ({@code 1,15}), ranges ({@code 1-5}) and steps
 * ({@code 0/15}, {@code 10-50/10}, {@code * /5}); months and days may be names (JAN, MON). Days of the
 * week are 1-7 = SUN-SAT. One of day-of-month and day-of-week must be {@code ?}, as EventBridge
 * requires. {@code L}, {@code W} and {@code #} are refused with a clear message.
 */
public final class CronExpression implements ScheduleExpression {
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 2199;
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("JAN", 1), Map.entry("FEB", 2), Map.entry("MAR", 3), Map.entry("APR", 4),
            Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7), Map.entry("AUG", 8),
            Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of(
            "SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5, "FRI", 6, "SAT", 7);

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth; // null when '?'
    private final BitSet months;
    private final BitSet daysOfWeek; // null when '?'; 1 = Sunday
    private final BitSet years;

    private CronExpression(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek, BitSet years) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.years = years;
    }

    /** The part between {@code cron(} and {@code )}. */
    public static CronExpression parse(String body) {
        String[] f = body.trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("cron(" + body + "): expected 6 fields (minutes hours day-of-month month day-of-week year), got " + f.length);
        }
        boolean domAny = f[2].equals("?");
        boolean dowAny = f[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("cron(" + body + "): exactly one of day-of-month and day-of-week must be '?'");
        }
        return new CronExpression(body.trim(),
                field(body, "minutes", f[0], 0, 59, Map.of()),
                field(body, "hours", f[1], 0, 23, Map.of()),
                domAny ? null : field(body, "day-of-month", f[2], 1, 31, Map.of()),
                field(body, "month", f[3], 1, 12, MONTHS),
                dowAny ? null : field(body, "day-of-week", f[4], 1, 7, DAYS),
                field(body, "year", f[5], MIN_YEAR, MAX_YEAR, Map.of()));
    }

    private static BitSet field(String body, String name, String spec, int min, int max, Map<String, Integer> names) {
        String where = "cron(" + body + "), " + name + " '" + spec + "': ";
        for (String unsupported : new String[] {"L", "W", "#"}) {
            if (spec.toUpperCase(Locale.ROOT).replaceAll("[A-Z]{3}", "").contains(unsupported)) {
                throw new IllegalArgumentException(where + "'" + unsupported + "' is not supported by the local runtime");
            }
        }
        if (spec.equals("?")) {
            throw new IllegalArgumentException(where + "'?' is only for day-of-month or day-of-week");
        }
        BitSet set = new BitSet(max + 1);
        for (String part : spec.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(where, part.substring(slash + 1), Map.of());
                if (step < 1) {
                    throw new IllegalArgumentException(where + "a step must be at least 1");
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                int dash = range.indexOf('-');
                from = number(where, range.substring(0, dash), names);
                to = number(where, range.substring(dash + 1), names);
            } else {
                from = number(where, range, names);
                to = slash >= 0 ? max : from; // "5/15": from 5 on, every 15
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException(where + "values must lie in " + min + "-" + max + ", ascending");
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String where, String token, Map<String, Integer> names) {
        Integer named = names.get(token.toUpperCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "'" + token + "' is not a number" + (names.isEmpty() ? "" : " or a name"));
        }
    }

    /**
     * The first matching minute strictly after {@code after}. Walks field by field from the year down,
     * jumping to the start of the next candidate year, month, day or hour, so it takes at most a few
     * thousand steps even for rare schedules.
     */
    @Override
    public Optional<Instant> nextAfter(Instant after) {
        LocalDateTime t = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        while (t.getYear() <= MAX_YEAR) {
            if (!years.get(t.getYear())) {
                int next = years.nextSetBit(t.getYear() + 1);
                if (next < 0) {
                    return Optional.empty();
                }
                t = LocalDateTime.of(next, 1, 1, 0, 0);
                continue;
            }
            if (!months.get(t.getMonthValue())) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
                continue;
            }
            if (!dayMatches(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return Optional.of(t.toInstant(ZoneOffset.UTC));
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate date) {
        if (daysOfMonth != null) {
            return daysOfMonth.get(date.getDayOfMonth());
        }
        DayOfWeek d = date.getDayOfWeek(); // MONDAY = 1 ... SUNDAY = 7
        return daysOfWeek.get(d.getValue() % 7 + 1); // SUNDAY -> 1, MONDAY -> 2 ... SATURDAY -> 7
    }

    @Override
    public String toString() {
        return "cron(" + text + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
