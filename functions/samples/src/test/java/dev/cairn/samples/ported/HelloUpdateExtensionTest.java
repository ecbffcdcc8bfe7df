package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.client.WorkflowUpdateHandle;
import dev.cairn.samples.hello.HelloUpdate.GuestbookActivities;
import dev.cairn.samples.hello.HelloUpdate.GuestbookWorkflow;
import dev.cairn.samples.hello.HelloUpdate.GuestbookWorkflowImpl;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HelloUpdate with the JUnit 5 extension: the update handler's activity a mock. */
class HelloUpdateExtensionTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(GuestbookWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private static GuestbookActivities register(TestWorkflowEnvironment testEnv, Worker worker) {
    GuestbookActivities activities = mock(GuestbookActivities.class, withSettings().withoutAnnotations());
    when(activities.greet(anyString())).thenAnswer(call -> "Hi " + call.getArgument(0, String.class));
    worker.registerActivitiesImplementations(activities);
    testEnv.start();
    return activities;
  }

  @Test
  void sign_shouldReturnTheGuestCount_whenEachGuestIsGreetedByTheActivity(
      TestWorkflowEnvironment testEnv, Worker worker, GuestbookWorkflow workflow) {
    GuestbookActivities activities = register(testEnv, worker);
    WorkflowClient.start(workflow::keepGuestbook);

    assertEquals(1, workflow.sign("Ann"));
    assertEquals(2, workflow.sign("Bob"));
    workflow.close();

    assertEquals(List.of("Hi Ann", "Hi Bob"), WorkflowStub.fromTyped(workflow).getResult(List.class));
    verify(activities).greet("Ann");
    verify(activities).greet("Bob");
  }

  @Test
  void sign_shouldNotCallTheActivity_whenTheValidatorRejectsABlankName(
      TestWorkflowEnvironment testEnv, Worker worker, GuestbookWorkflow workflow) {
    GuestbookActivities activities = register(testEnv, worker);
    WorkflowClient.start(workflow::keepGuestbook);

    assertThrows(WorkflowUpdateException.class, () -> workflow.sign(" "));
    workflow.close();

    assertEquals(List.of(), WorkflowStub.fromTyped(workflow).getResult(List.class));
    verify(activities, never()).greet(anyString());
  }

  @Test
  void startUpdate_shouldWaitUntilAccepted_whenCalledWithoutAStageAsOlderTemporalCodeDoes(
      TestWorkflowEnvironment testEnv, Worker worker, GuestbookWorkflow workflow) throws Exception {
    GuestbookActivities activities = register(testEnv, worker);
    WorkflowClient.start(workflow::keepGuestbook);
    WorkflowStub untyped = WorkflowStub.fromTyped(workflow);

    WorkflowUpdateHandle<Integer> ann = untyped.startUpdate("sign", Integer.class, "Ann");
    assertEquals(1, ann.getResultAsync().get());
    CompletableFuture<Integer> bob = untyped.startUpdate("sign", int.class, "Bob").getResultAsync();
    assertEquals(2, bob.get());
    // accepted means validated: a rejected update fails the start itself
    assertThrows(WorkflowUpdateException.class, () -> untyped.startUpdate("sign", Integer.class, " "));
    workflow.close();

    assertEquals(List.of("Hi Ann", "Hi Bob"), untyped.getResult(List.class));
    verify(activities, never()).greet(" ");
  }
}
