package dev.cairn.worker;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.activity.ActivityOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerOptionsTest {

  @Test
  void validateAndBuildWithDefaults_shouldUse200_whenUnset() {
    WorkerOptions o = WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(5).validateAndBuildWithDefaults();
    assertEquals(5, o.getMaxConcurrentActivityExecutionSize());
    assertEquals(200, o.getMaxConcurrentWorkflowTaskExecutionSize());
    assertEquals(200, WorkerOptions.getDefaultInstance().getMaxConcurrentLocalActivityExecutionSize());
  }

  @Test
  void setters_shouldReject_whenNegative() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WorkerOptions.newBuilder().setMaxConcurrentWorkflowTaskExecutionSize(-1));
    assertTrue(e.getMessage().contains("maxConcurrentWorkflowTaskExecutionSize"));
  }

  @Test
  void setMaxConcurrentActivityTaskPollers_shouldBeKeptAndCopied_whenSetAsTemporalCodeDoes() {
    WorkerOptions o = WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(100)
        .setMaxConcurrentActivityTaskPollers(1)
        .setMaxConcurrentWorkflowTaskPollers(2)
        .build();
    assertEquals(1, o.getMaxConcurrentActivityTaskPollers());
    assertEquals(2, o.getMaxConcurrentWorkflowTaskPollers());
    assertEquals(o, o.toBuilder().build());
    assertEquals(1, o.toBuilder().validateAndBuildWithDefaults().getMaxConcurrentActivityTaskPollers());
    assertNotEquals(o, o.toBuilder().setMaxConcurrentActivityTaskPollers(3).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WorkerOptions.newBuilder().setMaxConcurrentActivityTaskPollers(-1));
    assertTrue(e.getMessage().contains("maxConcurrentActivityTaskPollers"));
  }

  @Test
  void workflowImplementationOptions_shouldKeepSettings_whenBuilt() {
    ActivityOptions ao = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(3)).build();
    WorkflowImplementationOptions o =
        WorkflowImplementationOptions.newBuilder()
            .setFailWorkflowExceptionTypes(IllegalStateException.class)
            .setDefaultActivityOptions(ao)
            .setActivityOptions(Map.of("Charge", ao))
            .build();
    assertArrayEquals(new Class<?>[] {IllegalStateException.class}, o.getFailWorkflowExceptionTypes());
    assertEquals(ao, o.getActivityOptions().get("Charge"));
    assertEquals(o, o.toBuilder().build());
    assertEquals(0, WorkflowImplementationOptions.getDefaultInstance().getFailWorkflowExceptionTypes().length);
  }

  @Test
  void nonDeterministicException_shouldKeepMessage_whenCreated() {
    assertEquals("bad replay", new NonDeterministicException("bad replay").getMessage());
  }
}
