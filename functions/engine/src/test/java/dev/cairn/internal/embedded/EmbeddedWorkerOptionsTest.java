package dev.cairn.internal.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.envconfig.ClientConfigProfile;
import dev.cairn.envconfig.LoadClientConfigProfileOptions;
import dev.cairn.serviceclient.WorkflowServiceStubs;
import dev.cairn.worker.Worker;
import dev.cairn.worker.WorkerFactory;
import dev.cairn.worker.WorkerOptions;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** WorkerOptions in the embedded mode, where workers run in this JVM in real time. */
class EmbeddedWorkerOptionsTest {
  static final AtomicInteger running = new AtomicInteger();
  static final AtomicInteger mostAtOnce = new AtomicInteger();

  @WorkflowInterface
  public interface FanOut {
    @WorkflowMethod
    int run(int activities);
  }

  @ActivityInterface
  public interface Work {
    int step(int i);
  }

  public static class FanOutImpl implements FanOut {
    private final Work work = Workflow.newActivityStub(Work.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public int run(int activities) {
      List<Promise<Integer>> all = new ArrayList<>();
      for (int i = 0; i < activities; i++) {
        all.add(Async.function(work::step, i));
      }
      return all.stream().mapToInt(Promise::get).sum();
    }
  }

  static class WorkImpl implements Work {
    @Override
    public int step(int i) {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(100); // long enough for a second activity to start beside it, were it allowed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      return i;
    }
  }

  @Test
  void maxConcurrentActivityExecutionSize_shouldRunOneActivityAtATime_whenTheLimitIsOne() {
    assumeTrue(System.getenv("CAIRN_ADDRESS") == null, "CAIRN_ADDRESS is set: this test needs the embedded mode");
    ClientConfigProfile profile = ClientConfigProfile.load(LoadClientConfigProfileOptions.newBuilder()
        .setEnvOverrides(Map.of()).setDisableFile(true).build());
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(profile.toWorkflowServiceStubsOptions());
    WorkflowClient client = WorkflowClient.newInstance(service, profile.toWorkflowClientOptions());
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker("fan-out",
        WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(1).build());
    worker.registerWorkflowImplementationTypes(FanOutImpl.class);
    worker.registerActivitiesImplementations(new WorkImpl());
    factory.start();
    try {
      FanOut workflow = client.newWorkflowStub(FanOut.class,
          WorkflowOptions.newBuilder().setWorkflowId("fan-out").setTaskQueue("fan-out").build());

      assertEquals(0 + 1 + 2 + 3 + 4, workflow.run(5));
      assertEquals(1, mostAtOnce.get(), "activities running at once");
    } finally {
      factory.shutdown();
      service.shutdown();
    }
  }
}
