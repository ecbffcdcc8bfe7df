package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityInfo;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.samples.hello.HelloActivityRetry.RetryGreetingActivitiesImpl;
import dev.cairn.samples.hello.HelloActivityRetry.RetryGreetingWorkflow;
import dev.cairn.samples.hello.HelloActivityRetry.RetryGreetingWorkflowImpl;
import dev.cairn.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloActivityRetryTest {
  /** The sample's activity, also recording what each attempt was told by its execution context. */
  static class RecordingActivities extends RetryGreetingActivitiesImpl {
    final List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    final List<Long> attemptScheduledAt = Collections.synchronizedList(new ArrayList<>());
    final List<Long> attemptStartedAt = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String composeGreetingWithRetries(String greeting, String name) {
      ActivityInfo info = Activity.getExecutionContext().getInfo();
      attempts.add(info.getAttempt());
      attemptScheduledAt.add(info.getCurrentAttemptScheduledTimestamp());
      attemptStartedAt.add(info.getStartedTimestamp());
      return super.composeGreetingWithRetries(greeting, name);
    }
  }

  private TestWorkflowEnvironment env;
  private RecordingActivities activities;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker("hello-retry");
    worker.registerWorkflowImplementationTypes(RetryGreetingWorkflowImpl.class);
    activities = new RecordingActivities();
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private RetryGreetingWorkflow newWorkflow() {
    return env.getWorkflowClient().newWorkflowStub(RetryGreetingWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue("hello-retry").build());
  }

  @Test
  void getGreeting_shouldSucceedAfterThreeAttempts_whenActivityFailsTwice() {
    assertEquals("Hello World!", newWorkflow().getGreeting("World"));
    assertEquals(3, activities.getCalls());
  }

  @Test
  void getGreeting_shouldRetryWithIncreasingAttemptNumbers_whenAttemptsFail() {
    newWorkflow().getGreeting("World");
    assertEquals(List.of(1, 2, 3), activities.attempts);
  }

  @Test
  void getGreeting_shouldWaitPolicyBackoffBeforeEachRetry_whenAttemptsFail() {
    newWorkflow().getGreeting("World");
    List<Long> scheduled = activities.attemptScheduledAt;
    List<Long> started = activities.attemptStartedAt;
    assertEquals(3, scheduled.size());
    // initial interval 1s, coefficient 2: the second attempt waits at least 1s, the third at least 2s.
    assertTrue(scheduled.get(1) - started.get(0) >= 1_000,
        "second attempt scheduled " + (scheduled.get(1) - started.get(0)) + "ms after the first started");
    assertTrue(scheduled.get(2) - started.get(1) >= 2_000,
        "third attempt scheduled " + (scheduled.get(2) - started.get(1)) + "ms after the second started");
  }

  @Test
  void getGreeting_shouldAdvanceWorkflowClockByBackoff_whenAttemptsFail() {
    long before = env.currentTimeMillis();
    newWorkflow().getGreeting("World");
    assertTrue(env.currentTimeMillis() - before >= 3_000,
        "test clock advanced only " + (env.currentTimeMillis() - before) + "ms");
  }
}
