package dev.cairn.workflow;

import java.util.Objects;

/** Options for a workflow timer; the summary is shown with the timer in history and UIs. */
public final class TimerOptions {
  private static final TimerOptions DEFAULT_INSTANCE = newBuilder().build();

  private final String summary;

  private TimerOptions(String summary) {
    this.summary = summary;
  }

  public static Builder newBuilder() {
    return new Builder(null);
  }

  public static Builder newBuilder(TimerOptions options) {
    return new Builder(options);
  }

  public static TimerOptions getDefaultInstance() {
    return DEFAULT_INSTANCE;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public String getSummary() {
    return summary;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof TimerOptions t && Objects.equals(summary, t.summary));
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(summary);
  }

  @Override
  public String toString() {
    return "TimerOptions{summary='" + summary + "'}";
  }

  public static final class Builder {
    private String summary;

    private Builder(TimerOptions o) {
      if (o != null) summary = o.summary;
    }

    public Builder setSummary(String summary) {
      this.summary = summary;
      return this;
    }

    public TimerOptions build() {
      return new TimerOptions(summary);
    }
  }
}
