package dev.cairn.worker;

import java.util.Objects;

/**
 * Concurrency limits of one worker; 0 means the default. The poller counts are accepted and kept
 * for code written for Temporal, but have no effect: Cairn's workers do not poll (tasks arrive as
 * queue messages, or in process).
 */
public final class WorkerOptions {
  public static final int DEFAULT_MAX_CONCURRENT_ACTIVITY_EXECUTION_SIZE = 200;
  public static final int DEFAULT_MAX_CONCURRENT_WORKFLOW_TASK_EXECUTION_SIZE = 200;
  public static final int DEFAULT_MAX_CONCURRENT_LOCAL_ACTIVITY_EXECUTION_SIZE = 200;

  private static final WorkerOptions DEFAULT_INSTANCE = newBuilder().validateAndBuildWithDefaults();

  private final int maxConcurrentActivityExecutionSize;
  private final int maxConcurrentWorkflowTaskExecutionSize;
  private final int maxConcurrentLocalActivityExecutionSize;
  private final int maxConcurrentActivityTaskPollers;
  private final int maxConcurrentWorkflowTaskPollers;

  private WorkerOptions(int activities, int workflowTasks, int localActivities, int activityPollers,
      int workflowPollers) {
    this.maxConcurrentActivityExecutionSize = activities;
    this.maxConcurrentWorkflowTaskExecutionSize = workflowTasks;
    this.maxConcurrentLocalActivityExecutionSize = localActivities;
    this.maxConcurrentActivityTaskPollers = activityPollers;
    this.maxConcurrentWorkflowTaskPollers = workflowPollers;
  }

  public static Builder newBuilder() {
    return new Builder(null);
  }

  public static Builder newBuilder(WorkerOptions options) {
    return new Builder(options);
  }

  public static WorkerOptions getDefaultInstance() {
    return DEFAULT_INSTANCE;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public int getMaxConcurrentActivityExecutionSize() {
    return maxConcurrentActivityExecutionSize;
  }

  public int getMaxConcurrentWorkflowTaskExecutionSize() {
    return maxConcurrentWorkflowTaskExecutionSize;
  }

  public int getMaxConcurrentLocalActivityExecutionSize() {
    return maxConcurrentLocalActivityExecutionSize;
  }

  /** As set; no effect in Cairn (no polling). */
  public int getMaxConcurrentActivityTaskPollers() {
    return maxConcurrentActivityTaskPollers;
  }

  /** As set; no effect in Cairn (no polling). */
  public int getMaxConcurrentWorkflowTaskPollers() {
    return maxConcurrentWorkflowTaskPollers;
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof WorkerOptions w
            && maxConcurrentActivityExecutionSize == w.maxConcurrentActivityExecutionSize
            && maxConcurrentWorkflowTaskExecutionSize == w.maxConcurrentWorkflowTaskExecutionSize
            && maxConcurrentLocalActivityExecutionSize == w.maxConcurrentLocalActivityExecutionSize
            && maxConcurrentActivityTaskPollers == w.maxConcurrentActivityTaskPollers
            && maxConcurrentWorkflowTaskPollers == w.maxConcurrentWorkflowTaskPollers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxConcurrentActivityExecutionSize,
        maxConcurrentWorkflowTaskExecutionSize,
        maxConcurrentLocalActivityExecutionSize,
        maxConcurrentActivityTaskPollers,
        maxConcurrentWorkflowTaskPollers);
  }

  @Override
  public String toString() {
    return "WorkerOptions{maxConcurrentActivityExecutionSize=" + maxConcurrentActivityExecutionSize
        + ", maxConcurrentWorkflowTaskExecutionSize=" + maxConcurrentWorkflowTaskExecutionSize
        + ", maxConcurrentLocalActivityExecutionSize=" + maxConcurrentLocalActivityExecutionSize
        + ", maxConcurrentActivityTaskPollers=" + maxConcurrentActivityTaskPollers
        + ", maxConcurrentWorkflowTaskPollers=" + maxConcurrentWorkflowTaskPollers
        + '}';
  }

  public static final class Builder {
    private int maxConcurrentActivityExecutionSize;
    private int maxConcurrentWorkflowTaskExecutionSize;
    private int maxConcurrentLocalActivityExecutionSize;
    private int maxConcurrentActivityTaskPollers;
    private int maxConcurrentWorkflowTaskPollers;

    private Builder(WorkerOptions o) {
      if (o != null) {
        maxConcurrentActivityExecutionSize = o.maxConcurrentActivityExecutionSize;
        maxConcurrentWorkflowTaskExecutionSize = o.maxConcurrentWorkflowTaskExecutionSize;
        maxConcurrentLocalActivityExecutionSize = o.maxConcurrentLocalActivityExecutionSize;
        maxConcurrentActivityTaskPollers = o.maxConcurrentActivityTaskPollers;
        maxConcurrentWorkflowTaskPollers = o.maxConcurrentWorkflowTaskPollers;
      }
    }

    /** Accepted for Temporal code; Cairn's workers do not poll, so it changes nothing. */
    public Builder setMaxConcurrentActivityTaskPollers(int count) {
      this.maxConcurrentActivityTaskPollers = nonNegative("maxConcurrentActivityTaskPollers", count);
      return this;
    }

    /** Accepted for Temporal code; Cairn's workers do not poll, so it changes nothing. */
    public Builder setMaxConcurrentWorkflowTaskPollers(int count) {
      this.maxConcurrentWorkflowTaskPollers = nonNegative("maxConcurrentWorkflowTaskPollers", count);
      return this;
    }

    public Builder setMaxConcurrentActivityExecutionSize(int size) {
      this.maxConcurrentActivityExecutionSize = nonNegative("maxConcurrentActivityExecutionSize", size);
      return this;
    }

    public Builder setMaxConcurrentWorkflowTaskExecutionSize(int size) {
      this.maxConcurrentWorkflowTaskExecutionSize =
          nonNegative("maxConcurrentWorkflowTaskExecutionSize", size);
      return this;
    }

    public Builder setMaxConcurrentLocalActivityExecutionSize(int size) {
      this.maxConcurrentLocalActivityExecutionSize =
          nonNegative("maxConcurrentLocalActivityExecutionSize", size);
      return this;
    }

    public WorkerOptions build() {
      return new WorkerOptions(
          maxConcurrentActivityExecutionSize,
          maxConcurrentWorkflowTaskExecutionSize,
          maxConcurrentLocalActivityExecutionSize,
          maxConcurrentActivityTaskPollers,
          maxConcurrentWorkflowTaskPollers);
    }

    /** Replaces each 0 by its default (200). */
    public WorkerOptions validateAndBuildWithDefaults() {
      return new WorkerOptions(
          orDefault(maxConcurrentActivityExecutionSize, DEFAULT_MAX_CONCURRENT_ACTIVITY_EXECUTION_SIZE),
          orDefault(
              maxConcurrentWorkflowTaskExecutionSize,
              DEFAULT_MAX_CONCURRENT_WORKFLOW_TASK_EXECUTION_SIZE),
          orDefault(
              maxConcurrentLocalActivityExecutionSize,
              DEFAULT_MAX_CONCURRENT_LOCAL_ACTIVITY_EXECUTION_SIZE),
          maxConcurrentActivityTaskPollers,
          maxConcurrentWorkflowTaskPollers);
    }

    private static int orDefault(int value, int defaultValue) {
      return value == 0 ? defaultValue : value;
    }

    private static int nonNegative(String name, int value) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must not be negative, got " + value);
      }
      return value;
    }
  }
}
