package dev.cairn.api.history.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;

/**
 * The attributes of a {@code WorkflowExecutionStarted} event, read from its JSON form
 * (docs/event-schema.md). Named as Temporal's protobuf message, with its defaults for an absent
 * field (0, empty string, zero duration); durations are {@link java.time.Duration}, where Temporal
 * has {@code com.google.protobuf.Duration} ({@code getSeconds()} reads the same on both).
 */
public final class WorkflowExecutionStartedEventAttributes {
  private final JsonNode attributes;

  WorkflowExecutionStartedEventAttributes(JsonNode attributes) {
    this.attributes = attributes == null || attributes.isNull() ? MissingNode.getInstance() : attributes;
  }

  /** How long the first workflow task waited: the start delay, a cron wait or a retry backoff; zero if none. */
  public Duration getFirstWorkflowTaskBackoff() {
    return duration("firstWorkflowTaskBackoff");
  }

  public boolean hasFirstWorkflowTaskBackoff() {
    return attributes.hasNonNull("firstWorkflowTaskBackoff");
  }

  public Duration getWorkflowExecutionTimeout() {
    return duration("workflowExecutionTimeout");
  }

  public Duration getWorkflowRunTimeout() {
    return duration("workflowRunTimeout");
  }

  /** 1 for a first run; counts the workflow's retries. */
  public int getAttempt() {
    return attributes.path("attempt").asInt(0);
  }

  public String getCronSchedule() {
    return text("cronSchedule");
  }

  public String getFirstExecutionRunId() {
    return text("firstExecutionRunId");
  }

  /** The run this one continues (continue-as-new, retry, cron); empty for a first run. */
  public String getContinuedExecutionRunId() {
    return text("continuedExecutionRunId");
  }

  public String getOriginalExecutionRunId() {
    return text("originalExecutionRunId");
  }

  public String getIdentity() {
    return text("identity");
  }

  private String text(String field) {
    return attributes.path(field).asText("");
  }

  private Duration duration(String field) {
    JsonNode value = attributes.path(field);
    return value.isTextual() ? Duration.parse(value.asText()) : Duration.ZERO;
  }

  @Override
  public String toString() {
    return attributes.toString();
  }
}
