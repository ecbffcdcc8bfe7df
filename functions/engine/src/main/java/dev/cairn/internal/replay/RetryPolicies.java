package dev.cairn.internal.replay;

import dev.cairn.common.RetryOptions;
import dev.cairn.internal.history.RetryPolicy;
import java.util.Arrays;

/** RetryOptions from the SDK as the fully-defaulted policy recorded in history. */
public final class RetryPolicies {
  private RetryPolicies() {}

  public static RetryPolicy of(RetryOptions options) {
    RetryOptions o = RetryOptions.newBuilder(options == null ? RetryOptions.getDefaultInstance() : options).validateBuildWithDefaults();
    return new RetryPolicy(o.getInitialInterval(), o.getBackoffCoefficient(), o.getMaximumInterval(),
        o.getMaximumAttempts(), o.getDoNotRetry() == null ? null : Arrays.asList(o.getDoNotRetry()));
  }
}
