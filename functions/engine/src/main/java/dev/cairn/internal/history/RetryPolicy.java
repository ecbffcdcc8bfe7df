package dev.cairn.internal.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;

/** A retry policy as recorded in history; every field filled in (defaults applied when scheduled). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetryPolicy(
    Duration initialInterval,
    double backoffCoefficient,
    Duration maximumInterval,
    int maximumAttempts,
    List<String> nonRetryableErrorTypes) {
  public RetryPolicy {
    nonRetryableErrorTypes = nonRetryableErrorTypes == null ? List.of() : List.copyOf(nonRetryableErrorTypes);
  }
}
