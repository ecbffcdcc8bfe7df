package dev.cairn.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.internal.history.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 6, List.of("InvalidCard"));

  private static Failure failure(String type, boolean nonRetryable) {
    return Failure.of("boom", Failure.JAVA_SDK, null, null, new Failure.ApplicationFailureInfo(type, nonRetryable, null, null));
  }

  @Test
  void next_shouldDoubleThenCapThenStop_whenAttemptsFailOneByOne() {
    List<Long> expectedSeconds = List.of(1L, 2L, 4L, 8L, 10L);
    for (int attempt = 1; attempt <= 5; attempt++) {
      RetrySchedule.Outcome o = RetrySchedule.next(policy, attempt, failure("Transient", false), T0, null, T0);
      assertEquals(Duration.ofSeconds(expectedSeconds.get(attempt - 1)), o.delay(), "after attempt " + attempt);
      assertEquals(RetryState.RETRY_STATE_IN_PROGRESS, o.stop());
    }
    RetrySchedule.Outcome last = RetrySchedule.next(policy, 6, failure("Transient", false), T0, null, T0);
    assertFalse(last.retry());
    assertEquals(RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED, last.stop());
  }

  @Test
  void next_shouldNotRetry_whenTypeIsDoNotRetryOrFailureNonRetryable() {
    RetrySchedule.Outcome listed = RetrySchedule.next(policy, 1, failure("InvalidCard", false), T0, null, T0);
    assertNull(listed.delay());
    assertEquals(RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE, listed.stop());
    RetrySchedule.Outcome flagged = RetrySchedule.next(policy, 1, failure("Other", true), T0, null, T0);
    assertEquals(RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE, flagged.stop());
  }

  @Test
  void next_shouldStop_whenScheduleToCloseWouldPassBeforeNextAttempt() {
    RetrySchedule.Outcome o = RetrySchedule.next(policy, 3, failure("Transient", false), T0, Duration.ofSeconds(5), T0.plusSeconds(3));
    assertEquals(RetryState.RETRY_STATE_TIMEOUT, o.stop());
  }

  @Test
  void next_shouldRetryForever_whenMaximumAttemptsIsZero() {
    RetryPolicy unlimited = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(100), 0, List.of());
    assertEquals(Duration.ofSeconds(100), RetrySchedule.next(unlimited, 1000, null, T0, null, T0).delay());
  }
}
