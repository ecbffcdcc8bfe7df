package dev.cairn.common;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryOptionsTest {

  @Test
  void validateBuildWithDefaults_shouldFillTemporalDefaults_whenNothingSet() {
    RetryOptions o = RetryOptions.newBuilder().validateBuildWithDefaults();
    assertEquals(Duration.ofSeconds(1), o.getInitialInterval());
    assertEquals(2.0, o.getBackoffCoefficient());
    assertEquals(Duration.ofSeconds(100), o.getMaximumInterval());
    assertEquals(0, o.getMaximumAttempts());
    assertArrayEquals(new String[0], o.getDoNotRetry());
    assertEquals(o, RetryOptions.getDefaultInstance());
  }

  @Test
  void validateBuildWithDefaults_shouldScaleMaximumInterval_whenInitialIntervalSet() {
    RetryOptions o =
        RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(250)).validateBuildWithDefaults();
    assertEquals(Duration.ofSeconds(25), o.getMaximumInterval());
  }

  @Test
  void build_shouldLeaveFieldsUnset_whenNotGiven() {
    RetryOptions o = RetryOptions.newBuilder().setMaximumAttempts(3).build();
    assertNull(o.getInitialInterval());
    assertNull(o.getMaximumInterval());
    assertEquals(0.0, o.getBackoffCoefficient());
    assertEquals(3, o.getMaximumAttempts());
  }

  @Test
  void builder_shouldRejectInvalidValues_whenOutOfRange() {
    RetryOptions.Builder b = RetryOptions.newBuilder();
    assertThrows(IllegalArgumentException.class, () -> b.setInitialInterval(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> b.setBackoffCoefficient(0.5));
    assertThrows(IllegalArgumentException.class, () -> b.setMaximumAttempts(-1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(10))
                    .setMaximumInterval(Duration.ofSeconds(5))
                    .build());
    assertTrue(e.getMessage().contains("maximumInterval"), e.getMessage());
  }

  @Test
  void merge_shouldTakeUnsetFieldsFromOther_whenCalled() {
    RetryOptions mine = RetryOptions.newBuilder().setMaximumAttempts(5).build();
    RetryOptions other =
        RetryOptions.newBuilder()
            .setMaximumAttempts(9)
            .setInitialInterval(Duration.ofSeconds(3))
            .setDoNotRetry("x.Y")
            .build();
    RetryOptions merged = mine.merge(other);
    assertEquals(5, merged.getMaximumAttempts());
    assertEquals(Duration.ofSeconds(3), merged.getInitialInterval());
    assertArrayEquals(new String[] {"x.Y"}, merged.getDoNotRetry());
  }

  @Test
  void toBuilder_shouldProduceEqualOptions_whenUnchanged() {
    RetryOptions o =
        RetryOptions.newBuilder().setBackoffCoefficient(1.5).setDoNotRetry("a", "b").build();
    assertEquals(o, o.toBuilder().build());
    assertEquals(o.hashCode(), o.toBuilder().build().hashCode());
    assertNotEquals(o, o.toBuilder().setDoNotRetry("a").build());
    assertTrue(o.toString().contains("backoffCoefficient=1.5"));
  }
}
