package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivityWorkflowTest {
  @ActivityInterface
  public interface Greetings {
    String compose(String greeting, String name);
  }

  @WorkflowInterface
  public interface Greeter {
    @WorkflowMethod
    String greet(String name);
  }

  public static class GreeterImpl implements Greeter {
    private final Greetings acts = Workflow.newActivityStub(Greetings.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String greet(String name) {
      String first = acts.compose("Hello", name);
      Workflow.sleep(Duration.ofHours(2));
      return first + " / " + acts.compose("Bye", name);
    }
  }

  @WorkflowInterface
  public interface Fanout {
    @WorkflowMethod
    int run(int n);
  }

  public static class FanoutImpl implements Fanout {
    @Override
    public int run(int n) {
      Greetings acts = Workflow.newActivityStub(Greetings.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
      List<Promise<String>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(Async.function(acts::compose, "hi", "n" + i));
      }
      Promise.allOf(all).get();
      return (int) all.stream().filter(Promise::isCompleted).count();
    }
  }

  static final AtomicInteger calls = new AtomicInteger();

  public static class GreetingsImpl implements Greetings {
    @Override
    public String compose(String greeting, String name) {
      calls.incrementAndGet();
      if (name.equals("fail")) {
        throw ApplicationFailure.newNonRetryableFailure("bad name", "BadName");
      }
      return greeting + ", " + name + "!";
    }
  }

  TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker("q");
    worker.registerWorkflowImplementationTypes(GreeterImpl.class, FanoutImpl.class);
    worker.registerActivitiesImplementations(new GreetingsImpl());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void greet_shouldReturnBothActivityResults_whenTimerSkipped() {
    long before = env.currentTimeMillis();
    Greeter g = env.getWorkflowClient().newWorkflowStub(Greeter.class,
        WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("g1").build());
    assertEquals("Hello, Ann! / Bye, Ann!", g.greet("Ann"));
    assertTrue(env.currentTimeMillis() - before >= Duration.ofHours(2).toMillis());
  }

  @Test
  void greet_shouldFailWithActivityFailure_whenActivityThrowsNonRetryable() {
    Greeter g = env.getWorkflowClient().newWorkflowStub(Greeter.class,
        WorkflowOptions.newBuilder().setTaskQueue("q").build());
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> g.greet("fail"));
    ActivityFailure af = assertInstanceOf(ActivityFailure.class, e.getCause());
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, af.getCause());
    assertEquals("BadName", cause.getType());
    assertEquals("bad name", cause.getOriginalMessage());
  }

  @Test
  void fanout_shouldComplete_whenThousandParallelActivities() {
    Fanout f = env.getWorkflowClient().newWorkflowStub(Fanout.class,
        WorkflowOptions.newBuilder().setTaskQueue("q").build());
    assertEquals(1000, f.run(1000));
  }
}
