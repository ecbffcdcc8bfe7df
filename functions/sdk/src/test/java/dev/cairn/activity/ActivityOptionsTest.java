package dev.cairn.activity;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.common.RetryOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActivityOptionsTest {

  @Test
  void validateAndBuildWithDefaults_shouldFail_whenNoCloseTimeout() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ActivityOptions.newBuilder().setHeartbeatTimeout(Duration.ofSeconds(1)).validateAndBuildWithDefaults());
    assertTrue(e.getMessage().contains("startToCloseTimeout"), e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> LocalActivityOptions.newBuilder().validateAndBuildWithDefaults());
  }

  @Test
  void validateAndBuildWithDefaults_shouldFillDefaults_whenScheduleToCloseOnly() {
    ActivityOptions o =
        ActivityOptions.newBuilder()
            .setScheduleToCloseTimeout(Duration.ofMinutes(5))
            .validateAndBuildWithDefaults();
    assertEquals(Duration.ofMinutes(5), o.getStartToCloseTimeout());
    assertEquals(ActivityCancellationType.TRY_CANCEL, o.getCancellationType());
    assertEquals(RetryOptions.getDefaultInstance(), o.getRetryOptions());
  }

  @Test
  void setters_shouldRejectNegativeDurations_whenGiven() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(-1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> LocalActivityOptions.newBuilder().setLocalRetryThreshold(Duration.ofSeconds(-1)));
  }

  @Test
  void mergeActivityOptions_shouldPreferOverride_whenFieldSet() {
    ActivityOptions base =
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).setTaskQueue("a").build();
    ActivityOptions override = ActivityOptions.newBuilder().setTaskQueue("b").build();
    ActivityOptions merged = base.toBuilder().mergeActivityOptions(override).build();
    assertEquals("b", merged.getTaskQueue());
    assertEquals(Duration.ofSeconds(10), merged.getStartToCloseTimeout());
    assertEquals(base, ActivityOptions.newBuilder(base).build());
    assertNotEquals(base, merged);
  }

  @Test
  void localValidateAndBuildWithDefaults_shouldFillThresholdAndRetry_whenStartToCloseSet() {
    LocalActivityOptions o =
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(2))
            .validateAndBuildWithDefaults();
    assertEquals(Duration.ofMinutes(1), o.getLocalRetryThreshold());
    assertEquals(Duration.ofSeconds(1), o.getRetryOptions().getInitialInterval());
    assertFalse(o.isDoNotIncludeArgumentsIntoMarker());
  }
}
