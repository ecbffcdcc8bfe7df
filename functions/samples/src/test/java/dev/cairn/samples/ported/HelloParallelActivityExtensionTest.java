package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.samples.hello.HelloParallelActivity.MultiGreetingWorkflow;
import dev.cairn.samples.hello.HelloParallelActivity.MultiGreetingWorkflowImpl;
import dev.cairn.samples.hello.HelloParallelActivity.ParallelGreetingActivities;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HelloParallelActivity with the JUnit 5 extension and a mocked activity registered before start. */
class HelloParallelActivityExtensionTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(MultiGreetingWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  @Test
  void getGreetings_shouldKeepStartOrder_whenEveryNameGetsItsOwnActivity(
      TestWorkflowEnvironment testEnv, Worker worker, MultiGreetingWorkflow workflow) {
    ParallelGreetingActivities activities = mock(ParallelGreetingActivities.class, withSettings().withoutAnnotations());
    when(activities.composeParallelGreeting(eq("Hello"), anyString()))
        .thenAnswer(call -> "Hi " + call.getArgument(1, String.class));
    worker.registerActivitiesImplementations(activities);
    testEnv.start();

    List<String> greetings = workflow.getGreetings(List.of("Ann", "Bob", "Cid"));

    assertEquals(List.of("Hi Ann", "Hi Bob", "Hi Cid"), greetings);
    verify(activities, times(3)).composeParallelGreeting(eq("Hello"), anyString());
    verify(activities).composeParallelGreeting("Hello", "Ann");
    verify(activities).composeParallelGreeting("Hello", "Bob");
    verify(activities).composeParallelGreeting("Hello", "Cid");
  }

  @Test
  void getGreetings_shouldCallNoActivity_whenThereAreNoNames(
      TestWorkflowEnvironment testEnv, Worker worker, MultiGreetingWorkflow workflow) {
    ParallelGreetingActivities activities = mock(ParallelGreetingActivities.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(activities);
    testEnv.start();

    assertEquals(List.of(), workflow.getGreetings(List.of()));
    verify(activities, times(0)).composeParallelGreeting(anyString(), anyString());
  }
}
