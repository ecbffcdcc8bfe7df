package dev.cairn.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  private static Instant t(String s) {
    return Instant.parse(s);
  }

  @Test
  void nextAfter_shouldBeTheNextHour_whenTheScheduleIsHourly() {
    assertEquals(t("2026-11-26T13:00:00Z"), CronSchedule.parse("0 * * * *").nextAfter(t("2026-11-26T12:30:10Z")));
    assertEquals(t("2026-11-26T14:00:00Z"), CronSchedule.parse("@hourly").nextAfter(t("2026-11-26T13:00:00Z")));
  }

  @Test
  void nextAfter_shouldSkipTheWeekend_whenDaysOfWeekAreARangeOfNames() {
    // 2026-11-27 is a Friday
    assertEquals(t("2026-11-30T09:15:00Z"), CronSchedule.parse("15 9 * * MON-FRI").nextAfter(t("2026-11-27T10:00:00Z")));
  }

  @Test
  void nextAfter_shouldMatchEitherDay_whenBothDayFieldsAreRestricted() {
    // the 1st of the month or a Sunday: 2026-11-29 is a Sunday
    assertEquals(t("2026-11-29T00:00:00Z"), CronSchedule.parse("0 0 1 * SUN").nextAfter(t("2026-11-26T00:00:00Z")));
  }

  @Test
  void nextRunAfter_shouldSkipMissedTimes_whenTheRunOverran() {
    CronSchedule every15 = CronSchedule.parse("*/15 * * * *");
    assertEquals(t("2026-11-26T13:00:00Z"), every15.nextRunAfter(t("2026-11-26T12:00:00Z"), t("2026-11-26T12:50:00Z")));
    assertEquals(t("2026-11-26T12:00:40Z"), CronSchedule.parse("@every 20s")
        .nextRunAfter(t("2026-11-26T12:00:00Z"), t("2026-11-26T12:00:25Z")));
  }

  @Test
  void parse_shouldNameTheProblem_whenTheExpressionIsWrong() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 * * *")).getMessage()
        .contains("five fields"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("61 * * * *")).getMessage()
        .contains("minute"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("@every soon")).getMessage()
        .contains("@every"));
  }
}
