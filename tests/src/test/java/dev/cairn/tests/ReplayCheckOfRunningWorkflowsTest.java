package dev.cairn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.local.EmbeddedRuntimeFactory;
import dev.cairn.local.LocalRuntime;
import dev.cairn.local.LocalRuntimeOptions;
import dev.cairn.samples.SampleWorkers;
import dev.cairn.samples.hello.HelloTimer;
import dev.cairn.testing.ReplayCommand;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cairn replay --from URL} against the local runtime (the whole template, the pre-traffic
 * hook function included): a reminder sleeping on its timer replays on the deployed samples, and a
 * release that changes the reminder without getVersion is caught naming the event.
 */
class ReplayCheckOfRunningWorkflowsTest {
  static LocalRuntime runtime;
  static String url;
  static final HttpClient http = HttpClient.newHttpClient();

  /** The reminder's next release, done wrong: it now looks the name up before sleeping, unguarded. */
  public static class ReminderLooksUpFirst implements HelloTimer.ReminderWorkflow {
    @Override
    public String remind(String name, int delaySeconds) {
      HelloTimer.ReminderActivities a = Workflow.newActivityStub(HelloTimer.ReminderActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
      String text = a.composeReminder(name, 0);
      Workflow.sleep(Duration.ofSeconds(delaySeconds));
      return text;
    }
  }

  public static final class ReleaseTwoWorkers {
    public static void register(Worker worker) {
      worker.registerWorkflowImplementationTypes(ReminderLooksUpFirst.class);
      worker.registerActivitiesImplementations(new HelloTimer.ReminderActivitiesImpl());
    }
  }

  @BeforeAll
  static void start() throws Exception {
    Path template = Files.exists(Path.of("template.yaml")) ? Path.of("template.yaml") : Path.of("../template.yaml");
    runtime = LocalRuntime.start(LocalRuntimeOptions.parse("--in-memory", "--port", "0", "--template", template.toString()).orElseThrow(),
        new EmbeddedRuntimeFactory(), Clock.systemUTC());
    url = runtime.url().toString();
    HttpResponse<String> started = post("/workflows",
        "{\"workflowType\":\"ReminderWorkflow\",\"workflowId\":\"remind-ada\",\"input\":[\"Ada\",86400]}");
    assertEquals(201, started.statusCode(), started.body());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!get("/workflows/remind-ada/history").body().contains("\"TimerStarted\"")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the reminder did not start its timer within 30 s: " + get("/workflows/remind-ada/history").body());
      }
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void replayFrom_shouldPrintOkAndExitZero_whenDeployedCodeReplaysRunningWorkflows(@TempDir Path saved) throws Exception {
    Run r = replay("--workers", SampleWorkers.class.getName(), "--from", url, "--save", saved.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().startsWith("OK ") && r.out().contains("/workflows/remind-ada (run "), r.out());
    assertTrue(r.out().contains("1 histories replayed: 1 OK"), r.out());

    // The saved history is a file CI can keep and replay without the runtime.
    List<Path> files;
    try (var list = Files.list(saved)) {
      files = list.toList();
    }
    assertEquals(1, files.size());
    assertTrue(files.get(0).getFileName().toString().startsWith("remind-ada_"), files.toString());
    assertEquals(0, replay("--workers", SampleWorkers.class.getName(), saved.toString()).exitCode());
  }

  @Test
  void replayFrom_shouldNameEventAndExitOne_whenNewReleaseChangesWorkflowWithoutGetVersion() {
    Run r = replay("--workers", ReleaseTwoWorkers.class.getName(), "--from", url);
    assertEquals(1, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().startsWith("NON-DETERMINISTIC "), r.out());
    assertTrue(r.out().contains("of type TimerStarted"), r.out());
    assertTrue(r.out().contains("ActivityTaskScheduled {activityType=ComposeReminder"), r.out());
  }

  record Run(int exitCode, String out, String err) {}

  static Run replay(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ReplayCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
