package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.client.WorkflowFailedException;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.samples.hello.HelloActivityRetry.RetryGreetingActivities;
import dev.cairn.samples.hello.HelloActivityRetry.RetryGreetingWorkflow;
import dev.cairn.samples.hello.HelloActivityRetry.RetryGreetingWorkflowImpl;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HelloActivityRetry with the JUnit 5 extension: a flaky mocked service, the backoff skipped in test time. */
class HelloActivityRetryExtensionTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(RetryGreetingWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private static RetryGreetingActivities register(TestWorkflowEnvironment testEnv, Worker worker) {
    RetryGreetingActivities activities = mock(RetryGreetingActivities.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(activities);
    testEnv.start();
    return activities;
  }

  @Test
  void getGreeting_shouldSucceedOnTheThirdAttempt_whenTheServiceFailsTwice(
      TestWorkflowEnvironment testEnv, Worker worker, RetryGreetingWorkflow workflow) {
    RetryGreetingActivities activities = register(testEnv, worker);
    when(activities.composeGreetingWithRetries("Hello", "World"))
        .thenThrow(new IllegalStateException("service unavailable (call 1)"))
        .thenThrow(new IllegalStateException("service unavailable (call 2)"))
        .thenReturn("Hello World!");
    long before = testEnv.currentTimeMillis();

    assertEquals("Hello World!", workflow.getGreeting("World"));

    verify(activities, times(3)).composeGreetingWithRetries("Hello", "World");
    long waited = testEnv.currentTimeMillis() - before;
    assertTrue(waited >= 3_000, "backoff of 1 s then 2 s passed in test time, got " + waited + " ms");
  }

  @Test
  void getGreeting_shouldFailWithTheLastCause_whenAllFiveAttemptsFail(
      TestWorkflowEnvironment testEnv, Worker worker, RetryGreetingWorkflow workflow) {
    RetryGreetingActivities activities = register(testEnv, worker);
    when(activities.composeGreetingWithRetries("Hello", "World"))
        .thenThrow(new IllegalStateException("service down for good"));

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> workflow.getGreeting("World"));

    ActivityFailure failure = assertInstanceOf(ActivityFailure.class, e.getCause());
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(IllegalStateException.class.getName(), cause.getType());
    assertEquals("service down for good", cause.getOriginalMessage());
    verify(activities, times(5)).composeGreetingWithRetries("Hello", "World");
  }
}
