package dev.cairn.common;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How a failed activity or workflow is retried. {@link Builder#build()} keeps unset fields unset
 * (so options can be merged); {@link Builder#validateBuildWithDefaults()} fills Temporal's
 * defaults: 1 s initial interval, coefficient 2.0, maximum interval 100 × initial, unlimited
 * attempts.
 */
public final class RetryOptions {
  public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(1);
  public static final double DEFAULT_BACKOFF_COEFFICIENT = 2.0;
  public static final int DEFAULT_MAXIMUM_INTERVAL_MULTIPLIER = 100;

  private static final RetryOptions DEFAULT_INSTANCE = newBuilder().validateBuildWithDefaults();

  private final Duration initialInterval;
  private final double backoffCoefficient;
  private final int maximumAttempts;
  private final Duration maximumInterval;
  private final String[] doNotRetry;

  private RetryOptions(Builder b) {
    this.initialInterval = b.initialInterval;
    this.backoffCoefficient = b.backoffCoefficient;
    this.maximumAttempts = b.maximumAttempts;
    this.maximumInterval = b.maximumInterval;
    this.doNotRetry = b.doNotRetry == null ? null : b.doNotRetry.clone();
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public static Builder newBuilder(RetryOptions options) {
    return new Builder(options);
  }

  public static RetryOptions getDefaultInstance() {
    return DEFAULT_INSTANCE;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Fields set here win; unset ones are taken from {@code o}. */
  public RetryOptions merge(RetryOptions o) {
    if (o == null) return this;
    Builder b = toBuilder();
    if (initialInterval == null) b.initialInterval = o.initialInterval;
    if (backoffCoefficient == 0) b.backoffCoefficient = o.backoffCoefficient;
    if (maximumAttempts == 0) b.maximumAttempts = o.maximumAttempts;
    if (maximumInterval == null) b.maximumInterval = o.maximumInterval;
    if (doNotRetry == null) b.doNotRetry = o.doNotRetry;
    return b.build();
  }

  public Duration getInitialInterval() {
    return initialInterval;
  }

  /** 0 when unset. */
  public double getBackoffCoefficient() {
    return backoffCoefficient;
  }

  /** 0 means unlimited. */
  public int getMaximumAttempts() {
    return maximumAttempts;
  }

  public Duration getMaximumInterval() {
    return maximumInterval;
  }

  /** Failure types (exception class names or ApplicationFailure types) never retried. */
  public String[] getDoNotRetry() {
    return doNotRetry == null ? null : doNotRetry.clone();
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof RetryOptions r
            && Objects.equals(initialInterval, r.initialInterval)
            && Double.compare(backoffCoefficient, r.backoffCoefficient) == 0
            && maximumAttempts == r.maximumAttempts
            && Objects.equals(maximumInterval, r.maximumInterval)
            && Arrays.equals(doNotRetry, r.doNotRetry));
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        initialInterval, backoffCoefficient, maximumAttempts, maximumInterval,
        Arrays.hashCode(doNotRetry));
  }

  @Override
  public String toString() {
    return "RetryOptions{initialInterval=" + initialInterval
        + ", backoffCoefficient=" + backoffCoefficient
        + ", maximumAttempts=" + maximumAttempts
        + ", maximumInterval=" + maximumInterval
        + ", doNotRetry=" + Arrays.toString(doNotRetry) + '}';
  }

  public static final class Builder {
    private Duration initialInterval;
    private double backoffCoefficient;
    private int maximumAttempts;
    private Duration maximumInterval;
    private String[] doNotRetry;

    private Builder() {}

    private Builder(RetryOptions o) {
      if (o != null) {
        initialInterval = o.initialInterval;
        backoffCoefficient = o.backoffCoefficient;
        maximumAttempts = o.maximumAttempts;
        maximumInterval = o.maximumInterval;
        doNotRetry = o.doNotRetry;
      }
    }

    /** Delay before the first retry. */
    public Builder setInitialInterval(Duration initialInterval) {
      this.initialInterval = positiveOrNull("initialInterval", initialInterval);
      return this;
    }

    /** Each retry waits this many times longer than the previous one. */
    public Builder setBackoffCoefficient(double backoffCoefficient) {
      if (!(backoffCoefficient >= 1.0)) {
        throw new IllegalArgumentException(
            "backoffCoefficient must be at least 1.0, got " + backoffCoefficient);
      }
      this.backoffCoefficient = backoffCoefficient;
      return this;
    }

    /** Attempts in total, the first included; 0 means unlimited. */
    public Builder setMaximumAttempts(int maximumAttempts) {
      if (maximumAttempts < 0) {
        throw new IllegalArgumentException(
            "maximumAttempts must not be negative (0 means unlimited), got " + maximumAttempts);
      }
      this.maximumAttempts = maximumAttempts;
      return this;
    }

    /** Cap on the delay between retries. */
    public Builder setMaximumInterval(Duration maximumInterval) {
      this.maximumInterval = positiveOrNull("maximumInterval", maximumInterval);
      return this;
    }

    public Builder setDoNotRetry(String... doNotRetry) {
      if (doNotRetry != null) {
        for (String s : doNotRetry) {
          Objects.requireNonNull(s, "doNotRetry contains null");
        }
      }
      this.doNotRetry = doNotRetry == null ? null : doNotRetry.clone();
      return this;
    }

    public RetryOptions build() {
      if (initialInterval != null
          && maximumInterval != null
          && maximumInterval.compareTo(initialInterval) < 0) {
        throw new IllegalArgumentException(
            "maximumInterval (" + maximumInterval + ") must not be less than initialInterval ("
                + initialInterval + ")");
      }
      return new RetryOptions(this);
    }

    public RetryOptions validateBuildWithDefaults() {
      Builder b = new Builder(build());
      if (b.initialInterval == null) b.initialInterval = DEFAULT_INITIAL_INTERVAL;
      if (b.backoffCoefficient == 0) b.backoffCoefficient = DEFAULT_BACKOFF_COEFFICIENT;
      if (b.maximumInterval == null) {
        b.maximumInterval = b.initialInterval.multipliedBy(DEFAULT_MAXIMUM_INTERVAL_MULTIPLIER);
      }
      if (b.doNotRetry == null) b.doNotRetry = new String[0];
      return b.build();
    }

    private static Duration positiveOrNull(String name, Duration d) {
      if (d != null && (d.isNegative() || d.isZero())) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
