package dev.cairn.internal.embedded;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.envconfig.ClientConfigProfile;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerFactory;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;

/** A Temporal sample's main() after the import rename: the bootstrap every sample uses, unchanged. */
public final class HelloTimerMain {
  static final String TASK_QUEUE = "HelloTimerTaskQueue";

  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  @ActivityInterface
  public interface GreetingActivities {
    String composeGreeting(String greeting, String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private final GreetingActivities activities = Workflow.newActivityStub(GreetingActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(2)).build());

    @Override
    public String getGreeting(String name) {
      Workflow.sleep(Duration.ofSeconds(1));
      return activities.composeGreeting("Hello", name);
    }
  }

  static class GreetingActivitiesImpl implements GreetingActivities {
    @Override
    public String composeGreeting(String greeting, String name) {
      return greeting + " " + name + "!";
    }
  }

  public static void main(String[] args) {
    ClientConfigProfile profile = ClientConfigProfile.load();
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(profile.toWorkflowServiceStubsOptions());
    WorkflowClient client = WorkflowClient.newInstance(service, profile.toWorkflowClientOptions());
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(GreetingWorkflowImpl.class);
    worker.registerActivitiesImplementations(new GreetingActivitiesImpl());
    factory.start();

    GreetingWorkflow workflow = client.newWorkflowStub(GreetingWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("hello-timer").setTaskQueue(TASK_QUEUE).build());
    long started = System.nanoTime();
    String greeting = workflow.getGreeting("World");
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.println(greeting);
    System.out.println("took " + tookMillis + " ms");
    factory.shutdown();
    service.shutdown();
  }
}
