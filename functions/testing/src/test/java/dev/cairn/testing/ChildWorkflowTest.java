package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.ParentClosePolicy;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.failure.ChildWorkflowFailure;
import dev.cairn.failure.TerminatedFailure;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.ChildWorkflowStub;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Child workflows as a Temporal user tests them, in the test environment. */
class ChildWorkflowTest {
  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(GreeterImpl.class, ParentImpl.class, ParallelParentImpl.class,
          SleeperImpl.class, LeavingParentImpl.class, UntypedParentImpl.class, CancellableParentImpl.class)
      .build();

  @WorkflowInterface
  public interface Greeter {
    @WorkflowMethod
    String greet(String name);
  }

  public static class GreeterImpl implements Greeter {
    @Override
    public String greet(String name) {
      if (name.equals("nobody")) {
        throw ApplicationFailure.newFailure("nobody to greet", "NoSuchPerson");
      }
      return "Hello " + name + "!";
    }
  }

  @WorkflowInterface
  public interface Parent {
    @WorkflowMethod
    String run(String name);
  }

  /** Calls its child and reports how a failing child surfaced. */
  public static class ParentImpl implements Parent {
    @Override
    public String run(String name) {
      Greeter child = Workflow.newChildWorkflowStub(Greeter.class,
          ChildWorkflowOptions.newBuilder().setWorkflowId("greeter-of-" + Workflow.getInfo().getWorkflowId()).build());
      try {
        return child.greet(name);
      } catch (ChildWorkflowFailure e) {
        ApplicationFailure cause = (ApplicationFailure) e.getCause();
        return e.getWorkflowType() + " failed: " + cause.getType() + ": " + cause.getOriginalMessage();
      }
    }
  }

  @WorkflowInterface
  public interface ParallelParent {
    @WorkflowMethod
    List<String> greetAll(List<String> names);
  }

  public static class ParallelParentImpl implements ParallelParent {
    @Override
    public List<String> greetAll(List<String> names) {
      List<Promise<String>> greetings = new ArrayList<>();
      for (String name : names) {
        Greeter child = Workflow.newChildWorkflowStub(Greeter.class);
        greetings.add(Async.function(child::greet, name));
      }
      List<String> out = new ArrayList<>();
      for (Promise<String> p : greetings) {
        out.add(p.get());
      }
      return out;
    }
  }

  @WorkflowInterface
  public interface Sleeper {
    @WorkflowMethod
    String sleep(Duration d);
  }

  public static class SleeperImpl implements Sleeper {
    @Override
    public String sleep(Duration d) {
      Workflow.sleep(d);
      return "woke";
    }
  }

  @WorkflowInterface
  public interface LeavingParent {
    /** Starts a long child with {@code policy}, waits until it runs, and returns without waiting for it. */
    @WorkflowMethod
    String startAndLeave(String childId, ParentClosePolicy policy);
  }

  public static class LeavingParentImpl implements LeavingParent {
    @Override
    public String startAndLeave(String childId, ParentClosePolicy policy) {
      Sleeper child = Workflow.newChildWorkflowStub(Sleeper.class, ChildWorkflowOptions.newBuilder()
          .setWorkflowId(childId).setParentClosePolicy(policy).build());
      Async.function(child::sleep, Duration.ofDays(1));
      WorkflowExecution started = Workflow.getWorkflowExecution(child).get();
      return started.getWorkflowId();
    }
  }

  @WorkflowInterface
  public interface UntypedParent {
    @WorkflowMethod
    String run(String childId);
  }

  public static class UntypedParentImpl implements UntypedParent {
    @Override
    public String run(String childId) {
      ChildWorkflowStub child = Workflow.newUntypedChildWorkflowStub("Greeter",
          ChildWorkflowOptions.newBuilder().setWorkflowId(childId).build());
      try {
        return child.execute(String.class, "untyped");
      } catch (ChildWorkflowFailure e) {
        return "could not start: " + e.getCause().getClass().getSimpleName();
      }
    }
  }

  @WorkflowInterface
  public interface CancellableParent {
    @WorkflowMethod
    String run(String childId);
  }

  /** Waits on a day-long child; cancelling the parent cancels the child (WAIT_CANCELLATION_COMPLETED). */
  public static class CancellableParentImpl implements CancellableParent {
    @Override
    public String run(String childId) {
      Sleeper child = Workflow.newChildWorkflowStub(Sleeper.class,
          ChildWorkflowOptions.newBuilder().setWorkflowId(childId).build());
      return child.sleep(Duration.ofDays(1));
    }
  }

  private static <T> T stub(WorkflowClient client, Class<T> type, WorkflowOptions options, String id) {
    return client.newWorkflowStub(type, WorkflowOptions.newBuilder(options).setWorkflowId(id).build());
  }

  @Test
  void childWorkflow_shouldReturnItsValueToParent_whenChildCompletes(WorkflowClient client, WorkflowOptions options) {
    String result = stub(client, Parent.class, options, "parent-1").run("World");

    assertEquals("Hello World!", result);
    assertEquals(List.of("Hello World!"), List.of(client.newUntypedWorkflowStub("greeter-of-parent-1").getResult(String.class)));
  }

  @Test
  void childWorkflow_shouldSurfaceAsChildWorkflowFailureWithItsCause_whenChildFails(WorkflowClient client,
      WorkflowOptions options) {
    String result = stub(client, Parent.class, options, "parent-2").run("nobody");

    assertEquals("Greeter failed: NoSuchPerson: nobody to greet", result);
  }

  @Test
  void childWorkflows_shouldRunInParallel_whenStartedWithAsync(WorkflowClient client, WorkflowOptions options) {
    List<String> result = stub(client, ParallelParent.class, options, "parallel-1").greetAll(List.of("Ann", "Bob", "Cy"));

    assertEquals(List.of("Hello Ann!", "Hello Bob!", "Hello Cy!"), result);
    long started = HistoryWait.history(client, "parallel-1").stream()
        .filter(e -> e.attributes() instanceof EventAttributes.StartChildWorkflowExecutionInitiated).count();
    assertEquals(3, started);
  }

  @Test
  void parentClosePolicyTerminate_shouldTerminateRunningChild_whenParentCompletes(WorkflowClient client,
      WorkflowOptions options) {
    String childId = stub(client, LeavingParent.class, options, "leaving-1")
        .startAndLeave("sleeper-1", ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> client.newUntypedWorkflowStub(childId).getResult(String.class));
    assertInstanceOf(TerminatedFailure.class, e.getCause());
  }

  @Test
  void parentClosePolicyAbandon_shouldLeaveChildRunning_whenParentCompletes(WorkflowClient client,
      WorkflowOptions options, TestWorkflowEnvironment env) {
    String childId = stub(client, LeavingParent.class, options, "leaving-2")
        .startAndLeave("sleeper-2", ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON);

    assertEquals("woke", client.newUntypedWorkflowStub(childId).getResult(String.class));
  }

  @Test
  void untypedChild_shouldFailWithAlreadyStartedCause_whenItsIdIsTakenByARunningWorkflow(WorkflowClient client,
      WorkflowOptions options) {
    WorkflowStub running = client.newUntypedWorkflowStub("Sleeper",
        WorkflowOptions.newBuilder(options).setWorkflowId("taken-id").build());
    running.start(Duration.ofDays(1));

    String result = stub(client, UntypedParent.class, options, "untyped-1").run("taken-id");

    assertEquals("could not start: " + WorkflowExecutionAlreadyStarted.class.getSimpleName(), result);
    running.terminate("done");
  }

  @Test
  void untypedChild_shouldReturnResult_whenExecutedByTypeName(WorkflowClient client, WorkflowOptions options) {
    assertEquals("Hello untyped!", stub(client, UntypedParent.class, options, "untyped-2").run("free-id"));
  }

  @Test
  void cancelParent_shouldCancelChildAndWaitForIt_whenCancellationTypeIsWaitCompleted(WorkflowClient client,
      WorkflowOptions options) {
    CancellableParent parent = stub(client, CancellableParent.class, options, "cancellable-1");
    WorkflowClient.start(parent::run, "sleeper-3");
    HistoryWait.until(client, "cancellable-1", EventAttributes.ChildWorkflowExecutionStarted.class);

    WorkflowStub.fromTyped(parent).cancel();

    WorkflowFailedException child = assertThrows(WorkflowFailedException.class,
        () -> client.newUntypedWorkflowStub("sleeper-3").getResult(String.class));
    assertInstanceOf(CanceledFailure.class, child.getCause());
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(parent).getResult(String.class));
    assertInstanceOf(CanceledFailure.class, e.getCause());
  }
}
