package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.workflow.Async;
import dev.cairn.workflow.CompletablePromise;
import dev.cairn.workflow.Promise;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PromiseTest {
  @ActivityInterface
  public interface Echo {
    String echo(String s);

    String fail(String message);
  }

  public static class EchoImpl implements Echo {
    @Override
    public String echo(String s) {
      return s;
    }

    @Override
    public String fail(String message) {
      throw ApplicationFailure.newNonRetryableFailure(message, "Boom");
    }
  }

  static Echo echo() {
    return Workflow.newActivityStub(Echo.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
  }

  /** Each workflow returns what it observed, as strings a user would print. */
  @WorkflowInterface
  public interface Probe {
    @WorkflowMethod
    List<String> run();
  }

  public static class GetWithTimeoutImpl implements Probe {
    @Override
    public List<String> run() {
      List<String> seen = new ArrayList<>();
      long start = Workflow.currentTimeMillis();
      Promise<Void> hour = Workflow.newTimer(Duration.ofHours(1));
      try {
        hour.get(1, TimeUnit.MINUTES);
        seen.add("completed");
      } catch (TimeoutException e) {
        seen.add("TimeoutException after " + (Workflow.currentTimeMillis() - start) / 1000 + " s");
      }
      CompletablePromise<String> soon = Workflow.newPromise();
      Workflow.newTimer(Duration.ofSeconds(30)).thenApply(v -> soon.complete("value"));
      long before = Workflow.currentTimeMillis();
      try {
        seen.add(soon.get(1, TimeUnit.MINUTES) + " after " + (Workflow.currentTimeMillis() - before) / 1000 + " s");
      } catch (TimeoutException e) {
        seen.add("unexpected timeout");
      }
      return seen;
    }
  }

  public static class CombinatorsImpl implements Probe {
    @Override
    public List<String> run() {
      List<String> seen = new ArrayList<>();
      Promise<String> slow = Workflow.newTimer(Duration.ofMinutes(2)).thenApply(v -> "slow");
      Promise<String> fast = Workflow.newTimer(Duration.ofMinutes(1)).thenApply(v -> "fast");
      seen.add("anyOf=" + Promise.anyOf(List.of(slow, fast)).get());
      Echo e = echo();
      List<Promise<String>> each = List.of(Async.function(e::echo, "a"), Async.function(e::echo, "b"), slow);
      Promise<Void> all = Promise.allOf(each); // Void, as in Temporal: the values stay in their promises
      all.get();
      seen.add("allOf=" + each.stream().map(Promise::get).toList());
      return seen;
    }
  }

  public static class ChainingImpl implements Probe {
    @Override
    public List<String> run() {
      List<String> seen = new ArrayList<>();
      Echo e = echo();
      seen.add("thenCompose=" + Async.function(e::echo, "x")
          .thenCompose(x -> Async.function(e::echo, x + "y")).get());
      seen.add("handle=" + Async.function(e::fail, "broken")
          .handle((v, f) -> f == null ? v : ((ApplicationFailure) f.getCause()).getOriginalMessage()).get());
      seen.add("handle ok=" + Async.function(e::echo, "fine").handle((v, f) -> f == null ? v : "failed").get());
      seen.add("exceptionally=" + Async.function(e::fail, "again")
          .exceptionally(f -> f instanceof ActivityFailure ? "fallback" : "other").get());
      return seen;
    }
  }

  /** Runs one implementation of {@link Probe} in its own environment: a type has one implementation per environment. */
  private static List<String> run(Class<?> impl) {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var worker = env.newWorker("q");
      worker.registerWorkflowImplementationTypes(impl);
      worker.registerActivitiesImplementations(new EchoImpl());
      env.start();
      return env.getWorkflowClient().newWorkflowStub(Probe.class,
          WorkflowOptions.newBuilder().setTaskQueue("q").build()).run();
    }
  }

  @Test
  void getWithTimeout_shouldThrowTimeoutException_whenPromiseNotCompletedInWorkflowTime() {
    assertEquals(List.of("TimeoutException after 60 s", "value after 30 s"), run(GetWithTimeoutImpl.class));
  }

  @Test
  void anyOfAndAllOf_shouldReturnFirstCompletedAndAllValues_whenTimersAndActivitiesComplete() {
    assertEquals(List.of("anyOf=fast", "allOf=[a, b, slow]"), run(CombinatorsImpl.class));
  }

  @Test
  void thenComposeHandleExceptionally_shouldReturnChainedValues_whenActivitiesSucceedOrFail() {
    assertEquals(List.of("thenCompose=xy", "handle=broken", "handle ok=fine", "exceptionally=fallback"),
        run(ChainingImpl.class));
  }
}
