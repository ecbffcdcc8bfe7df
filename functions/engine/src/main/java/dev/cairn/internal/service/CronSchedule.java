package dev.cairn.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workflow's {@code cronSchedule} as Temporal reads it (robfig/cron): five fields in UTC, minute
 * hour day-of-month month day-of-week, with {@code *}, {@code ?}, lists, ranges, steps and month and
 * day names; or a descriptor, {@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily},
 * {@code @hourly}, {@code @every 90m}. As in cron, when both day fields are restricted a day matching
 * either one matches.
 */
public final class CronSchedule {
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
      "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final Pattern GO_DURATION = Pattern.compile("(\\d+)(h|m|s)");
  /** Four years cover every day-of-month and day-of-week combination (Feb 29 included). */
  private static final int MAX_MINUTES_SEARCHED = 4 * 366 * 24 * 60;

  private final String text;
  private final Duration every;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean domRestricted;
  private final boolean dowRestricted;

  private CronSchedule(String text, Duration every, String[] f) {
    this.text = text;
    this.every = every;
    if (f == null) {
      minutes = hours = daysOfMonth = months = daysOfWeek = null;
      domRestricted = dowRestricted = false;
      return;
    }
    minutes = field(f[0], 0, 59, List.of(), "minute");
    hours = field(f[1], 0, 23, List.of(), "hour");
    daysOfMonth = field(f[2], 1, 31, List.of(), "day of month");
    months = field(f[3], 1, 12, MONTHS, "month");
    daysOfWeek = field(f[4], 0, 7, DAYS, "day of week");
    if (daysOfWeek.get(7)) {
      daysOfWeek.set(0); // 7 is Sunday too
    }
    domRestricted = !f[2].startsWith("*") && !f[2].startsWith("?");
    dowRestricted = !f[4].startsWith("*") && !f[4].startsWith("?");
  }

  /** @throws IllegalArgumentException naming what is wrong with the expression */
  public static CronSchedule parse(String expression) {
    String t = expression == null ? "" : expression.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("cron schedule is empty");
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("@every")) {
      return new CronSchedule(t, goDuration(t.substring("@every".length()).trim(), t), null);
    }
    String fields = switch (lower) {
      case "@yearly", "@annually" -> "0 0 1 1 *";
      case "@monthly" -> "0 0 1 * *";
      case "@weekly" -> "0 0 * * 0";
      case "@daily", "@midnight" -> "0 0 * * *";
      case "@hourly" -> "0 * * * *";
      default -> t;
    };
    String[] f = fields.split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("cron schedule \"" + t + "\" must have five fields (minute hour day-of-month "
          + "month day-of-week, in UTC) or be a descriptor such as @hourly or @every 10m; it has " + f.length);
    }
    return new CronSchedule(t, null, f);
  }

  /**
   * When the next run starts after a run that started at {@code runStart} closes at {@code close}:
   * the first schedule time after the run's start that is not before its close (Temporal's rule,
   * so a run that overran skips the times it missed).
   */
  public Instant nextRunAfter(Instant runStart, Instant close) {
    Instant next = nextAfter(runStart);
    while (next.isBefore(close)) {
      next = nextAfter(next);
    }
    return next;
  }

  /** The first schedule time strictly after {@code after}. */
  public Instant nextAfter(Instant after) {
    if (every != null) {
      return after.plus(every);
    }
    ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    for (int i = 0; i < MAX_MINUTES_SEARCHED; i++) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.withHour(0).withMinute(0).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.withMinute(0).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return t.toInstant();
      }
    }
    throw new IllegalArgumentException("cron schedule \"" + text + "\" never matches a date");
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
    return domRestricted && dowRestricted ? dom || dow : dom && dow;
  }

  @Override
  public String toString() {
    return text;
  }

  private static BitSet field(String spec, int min, int max, List<String> names, String what) {
    BitSet bits = new BitSet(max + 1);
    for (String part : spec.split(",")) {
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = number(part.substring(slash + 1), List.of(), what, part);
        range = part.substring(0, slash);
        if (step <= 0) {
          throw new IllegalArgumentException("cron " + what + " \"" + part + "\": the step must be positive");
        }
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", 2);
        from = number(ends[0], names, what, part);
        to = number(ends[1], names, what, part);
      } else {
        from = number(range, names, what, part);
        to = slash >= 0 ? max : from;
      }
      if (from < min || to > max || from > to) {
        throw new IllegalArgumentException("cron " + what + " \"" + part + "\" is outside " + min + "-" + max);
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int number(String s, List<String> names, String what, String part) {
    int named = names.indexOf(s.toUpperCase(Locale.ROOT));
    if (named >= 0) {
      return names.size() == 12 ? named + 1 : named;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cron " + what + " \"" + part + "\" is not a number" + (names.isEmpty() ? ""
          : " or one of " + names));
    }
  }

  private static Duration goDuration(String s, String expression) {
    Matcher m = GO_DURATION.matcher(s);
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
      end = m.end();
    }
    if (s.isEmpty() || end != s.length() || d.isZero()) {
      throw new IllegalArgumentException("cron schedule \"" + expression + "\": @every wants a positive duration such as "
          + "30s, 10m or 1h30m");
    }
    return d;
  }
}
