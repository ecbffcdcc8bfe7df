package dev.cairn.worker;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.activity.LocalActivityOptions;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-registration settings for workflow implementations: which exceptions fail the workflow
 * (instead of only failing the workflow task and retrying it), and activity options applied to
 * stubs that do not set their own.
 */
public final class WorkflowImplementationOptions {
  private static final WorkflowImplementationOptions DEFAULT_INSTANCE = newBuilder().build();

  private final Class<? extends Throwable>[] failWorkflowExceptionTypes;
  private final Map<String, ActivityOptions> activityOptions;
  private final ActivityOptions defaultActivityOptions;
  private final Map<String, LocalActivityOptions> localActivityOptions;
  private final LocalActivityOptions defaultLocalActivityOptions;

  private WorkflowImplementationOptions(Builder b) {
    failWorkflowExceptionTypes = b.failWorkflowExceptionTypes.clone();
    activityOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.activityOptions));
    defaultActivityOptions = b.defaultActivityOptions;
    localActivityOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.localActivityOptions));
    defaultLocalActivityOptions = b.defaultLocalActivityOptions;
  }

  public static Builder newBuilder() {
    return new Builder(null);
  }

  public static Builder newBuilder(WorkflowImplementationOptions options) {
    return new Builder(options);
  }

  public static WorkflowImplementationOptions getDefaultInstance() {
    return DEFAULT_INSTANCE;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public Class<? extends Throwable>[] getFailWorkflowExceptionTypes() {
    return failWorkflowExceptionTypes.clone();
  }

  /** Keyed by activity type. */
  public Map<String, ActivityOptions> getActivityOptions() {
    return activityOptions;
  }

  public ActivityOptions getDefaultActivityOptions() {
    return defaultActivityOptions;
  }

  public Map<String, LocalActivityOptions> getLocalActivityOptions() {
    return localActivityOptions;
  }

  public LocalActivityOptions getDefaultLocalActivityOptions() {
    return defaultLocalActivityOptions;
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof WorkflowImplementationOptions w
            && Arrays.equals(failWorkflowExceptionTypes, w.failWorkflowExceptionTypes)
            && activityOptions.equals(w.activityOptions)
            && Objects.equals(defaultActivityOptions, w.defaultActivityOptions)
            && localActivityOptions.equals(w.localActivityOptions)
            && Objects.equals(defaultLocalActivityOptions, w.defaultLocalActivityOptions));
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(failWorkflowExceptionTypes), activityOptions, defaultActivityOptions,
        localActivityOptions, defaultLocalActivityOptions);
  }

  @Override
  public String toString() {
    return "WorkflowImplementationOptions{failWorkflowExceptionTypes="
        + Arrays.toString(failWorkflowExceptionTypes)
        + ", activityOptions=" + activityOptions
        + ", defaultActivityOptions=" + defaultActivityOptions
        + ", localActivityOptions=" + localActivityOptions
        + ", defaultLocalActivityOptions=" + defaultLocalActivityOptions + '}';
  }

  public static final class Builder {
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Class<? extends Throwable>[] failWorkflowExceptionTypes = new Class[0];
    private Map<String, ActivityOptions> activityOptions = Map.of();
    private ActivityOptions defaultActivityOptions;
    private Map<String, LocalActivityOptions> localActivityOptions = Map.of();
    private LocalActivityOptions defaultLocalActivityOptions;

    private Builder(WorkflowImplementationOptions o) {
      if (o == null) return;
      failWorkflowExceptionTypes = o.failWorkflowExceptionTypes;
      activityOptions = o.activityOptions;
      defaultActivityOptions = o.defaultActivityOptions;
      localActivityOptions = o.localActivityOptions;
      defaultLocalActivityOptions = o.defaultLocalActivityOptions;
    }

    /**
     * Exceptions of these types (and subtypes) thrown by workflow code fail the workflow. Others
     * fail only the workflow task, which is retried, as a bug fix may make it pass.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is copied, never written through
    public final Builder setFailWorkflowExceptionTypes(
        Class<? extends Throwable>... failWorkflowExceptionTypes) {
      for (Class<? extends Throwable> c : failWorkflowExceptionTypes) {
        Objects.requireNonNull(c, "failWorkflowExceptionTypes contains null");
      }
      this.failWorkflowExceptionTypes = failWorkflowExceptionTypes.clone();
      return this;
    }

    /** Per activity type; merged over the defaults and under the stub's own options. */
    public Builder setActivityOptions(Map<String, ActivityOptions> activityOptions) {
      this.activityOptions = activityOptions == null ? Map.of() : activityOptions;
      return this;
    }

    public Builder setDefaultActivityOptions(ActivityOptions defaultActivityOptions) {
      this.defaultActivityOptions = defaultActivityOptions;
      return this;
    }

    public Builder setLocalActivityOptions(Map<String, LocalActivityOptions> localActivityOptions) {
      this.localActivityOptions = localActivityOptions == null ? Map.of() : localActivityOptions;
      return this;
    }

    public Builder setDefaultLocalActivityOptions(LocalActivityOptions defaultLocalActivityOptions) {
      this.defaultLocalActivityOptions = defaultLocalActivityOptions;
      return this;
    }

    public WorkflowImplementationOptions build() {
      return new WorkflowImplementationOptions(this);
    }
  }
}
