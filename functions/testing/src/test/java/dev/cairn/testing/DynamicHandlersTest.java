package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityMethod;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.activity.DynamicActivity;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.converter.EncodedValues;
import dev.cairn.workflow.ActivityStub;
import dev.cairn.workflow.DynamicQueryHandler;
import dev.cairn.workflow.DynamicSignalHandler;
import dev.cairn.workflow.DynamicWorkflow;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DynamicWorkflow, DynamicActivity, DynamicSignalHandler and untyped activity stubs, as Temporal's samples use them. */
class DynamicHandlersTest {
  static final String QUEUE = "dynamic";

  /** Serves every activity type: answers with the type it ran as and its first argument. */
  public static class AnyActivity implements DynamicActivity {
    @Override
    public Object execute(EncodedValues args) {
      return Activity.getExecutionContext().getInfo().getActivityType() + ":" + args.get(0, String.class);
    }
  }

  @ActivityInterface
  public interface Shouting {
    @ActivityMethod(name = "Shout")
    String loud(String text);
  }

  public static class ShoutingImpl implements Shouting {
    @Override
    public String loud(String text) {
      return text.toUpperCase();
    }
  }

  /**
   * Serves any workflow type: waits for a "done" signal through a dynamic handler registered after
   * start, then calls activities by name, remotely and locally.
   */
  public static class AnyWorkflow implements DynamicWorkflow {
    private final List<String> signals = new ArrayList<>();

    @Override
    public Object execute(EncodedValues args) {
      String name = args.get(0, String.class);
      Workflow.registerListener((DynamicSignalHandler) (signalName, signalArgs) ->
          signals.add(signalName + "=" + signalArgs.get(0, String.class)));
      Workflow.registerListener((DynamicQueryHandler) (queryType, queryArgs) -> queryType + ":" + signals);
      Workflow.await(() -> signals.stream().anyMatch(s -> s.startsWith("done")));
      ActivityStub remote = Workflow.newUntypedActivityStub(
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());
      ActivityStub local = Workflow.newUntypedLocalActivityStub(
          LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());
      Promise<String> greeting = remote.executeAsync("Greet", String.class, name);
      String shouted = remote.execute("Shout", String.class, name);
      String localShout = local.execute("Shout", String.class, "quiet");
      return Workflow.getInfo().getWorkflowType() + "|" + greeting.get() + "|" + shouted + "|" + localShout + "|" + signals;
    }
  }

  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(AnyWorkflow.class);
    worker.registerActivitiesImplementations(new ShoutingImpl(), new AnyActivity());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void dynamicWorkflow_shouldServeAnyTypeAndBufferSignalUntilListener_whenSignaledWithStart() {
    WorkflowStub stub = env.getWorkflowClient().newUntypedWorkflowStub("AnythingGoes",
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("dyn-1").build());

    stub.signalWithStart("done", new Object[] {"now"}, new Object[] {"ann"});
    String result = stub.getResult(String.class);

    assertEquals("AnythingGoes|Greet:ann|ANN|QUIET|[done=now]", result);
    assertEquals("status:[done=now]", stub.query("status", String.class));
  }
}
