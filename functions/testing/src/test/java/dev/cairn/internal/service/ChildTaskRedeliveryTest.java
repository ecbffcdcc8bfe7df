package dev.cairn.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.client.InProcessWorkflowClient;
import dev.cairn.internal.history.EventAttributes.ChildWorkflowExecutionStarted;
import dev.cairn.internal.history.EventAttributes.StartChildWorkflowExecutionInitiated;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.ExecutionKey;
import dev.cairn.internal.store.Task;
import dev.cairn.internal.testservice.TestRuntime;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerOptions;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariant 3 for child workflow tasks: a redelivered start or outcome task changes nothing. */
class ChildTaskRedeliveryTest {
  @WorkflowInterface
  public interface Echo {
    @WorkflowMethod
    String echo(String s);
  }

  public static class EchoImpl implements Echo {
    @Override
    public String echo(String s) {
      return s;
    }
  }

  @WorkflowInterface
  public interface Caller {
    @WorkflowMethod
    String call(String s);
  }

  public static class CallerImpl implements Caller {
    @Override
    public String call(String s) {
      return Workflow.newChildWorkflowStub(Echo.class, ChildWorkflowOptions.newBuilder().setWorkflowId("echo-child").build())
          .echo(s) + "!";
    }
  }

  @Test
  void handleChildTask_shouldChangeNothing_whenStartAndOutcomeTasksAreDeliveredAgain() throws Exception {
    try (TestRuntime runtime = new TestRuntime("default", GlobalDataConverter.get())) {
      new Worker("q", WorkerOptions.getDefaultInstance(), runtime.registry())
          .registerWorkflowImplementationTypes(CallerImpl.class, EchoImpl.class);
      runtime.start();
      WorkflowClient client = new InProcessWorkflowClient(runtime.service(), GlobalDataConverter.get(),
          (done, timeout) -> runtime.await(done, timeout, true), "default");
      Caller caller = client.newWorkflowStub(Caller.class, WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("caller").build());
      assertEquals("hi!", caller.call("hi"));
      WorkflowService service = runtime.service();
      ExecutionKey parent = service.resolve("caller", null);
      ExecutionKey child = service.resolve("echo-child", null);
      List<HistoryEvent> parentBefore = service.history(parent);
      long initiated = parentBefore.stream().filter(e -> e.attributes() instanceof StartChildWorkflowExecutionInitiated)
          .findFirst().orElseThrow().eventId();
      String childRun = parentBefore.stream().filter(e -> e.attributes() instanceof ChildWorkflowExecutionStarted)
          .map(e -> ((ChildWorkflowExecutionStarted) e.attributes()).runId()).findFirst().orElseThrow();
      assertEquals(child.runId(), childRun, "the parent records the child's run");

      service.handleChildTask(new Task.StartChildTask(parent, initiated));
      service.handleChildTask(new Task.ChildClosedTask(parent, initiated, child));
      service.handleChildTask(new Task.ParentClosedTask(child, dev.cairn.api.enums.v1.ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE, parent));
      runtime.await(runtime::isIdle, Duration.ofSeconds(5), false);

      assertEquals(parentBefore, service.history(parent));
      assertEquals(child, service.resolve("echo-child", null), "no second child run");
      assertEquals("COMPLETED", service.describe("echo-child", null).status().shortName());
    }
  }
}
