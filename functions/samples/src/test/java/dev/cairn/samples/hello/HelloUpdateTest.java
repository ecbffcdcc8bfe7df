package dev.cairn.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.samples.hello.HelloUpdate.GuestbookWorkflow;
import dev.cairn.testing.TestWorkflowEnvironment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloUpdateTest {
  private static final String TASK_QUEUE = "hello-update";
  private TestWorkflowEnvironment env;
  private GuestbookWorkflow workflow;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(HelloUpdate.GuestbookWorkflowImpl.class);
    worker.registerActivitiesImplementations(new HelloUpdate.GuestbookActivitiesImpl());
    env.start();
    workflow = env.getWorkflowClient().newWorkflowStub(GuestbookWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).build());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private List<EventType> eventTypes() {
    String id = WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId();
    return env.getWorkflowClient().fetchHistory(id).getEvents().stream().map(e -> e.getEventType()).toList();
  }

  @Test
  void sign_shouldReturnTheHandlersResult_whenTheHandlerCallsAnActivity() {
    WorkflowClient.start(workflow::keepGuestbook);

    assertEquals(1, workflow.sign("Ann"));
    assertEquals(2, workflow.sign("Bob"));
    workflow.close();

    assertEquals(List.of("Welcome, Ann!", "Welcome, Bob!"), WorkflowStub.fromTyped(workflow).getResult(List.class));
    assertEquals(2, eventTypes().stream().filter(t -> t == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED).count());
    assertEquals(2, eventTypes().stream().filter(t -> t == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED).count());
  }

  @Test
  void sign_shouldBeRejectedWithoutTrace_whenTheValidatorRefusesABlankName() {
    WorkflowClient.start(workflow::keepGuestbook);
    workflow.sign("Ann");
    List<EventType> before = eventTypes();

    WorkflowUpdateException e = assertThrows(WorkflowUpdateException.class, () -> workflow.sign(" "));

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, e.getCause());
    assertEquals(IllegalArgumentException.class.getName(), cause.getType());
    assertEquals("a guest needs a name", cause.getOriginalMessage());
    assertEquals(before, eventTypes(), "a rejected update leaves no trace in history");
    assertEquals(2, workflow.sign("Bob"));
  }

  @Test
  void update_shouldNameKnownUpdates_whenTheUpdateNameIsUnknown() {
    WorkflowClient.start(workflow::keepGuestbook);

    WorkflowUpdateException e = assertThrows(WorkflowUpdateException.class,
        () -> WorkflowStub.fromTyped(workflow).update("erase", Integer.class, "Ann"));

    assertEquals("Unknown update type: erase, knownTypes=[sign]", e.getCause().getMessage());
  }
}
