package dev.cairn.tests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import dev.cairn.tests.support.ProjectFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Start-to-completion latency of OrderWorkflow (three sequential activities) on the embedded stack
 * (SQLite, ElasticMQ, s3proxy), measured from history: WorkflowExecutionStarted to
 * WorkflowExecutionCompleted. Runs N one after another, then N at once; then the decision handler's
 * cold start in a fresh JVM and the shaded Lambda jar's size. Run with {@code ./cairn bench}.
 */
@Tag("benchmark")
class ThreeActivityLatencyBenchmark {
  private static final int N = Integer.getInteger("cairn.bench.n", 200);

  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void orderWorkflow_latency_sequentialThenConcurrent() throws Exception {
    CairnHttp api = stack.api();
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 10; i++) { // warm-up
      String id = "bench-warm-" + run + "-" + i;
      api.start("OrderWorkflow", id, id);
      api.awaitCompleted(id, Duration.ofSeconds(60));
    }
    List<Duration> sequential = new ArrayList<>();
    Instant t0 = Instant.now();
    for (int i = 0; i < N; i++) {
      String id = "bench-seq-" + run + "-" + i;
      api.start("OrderWorkflow", id, id);
      api.awaitCompleted(id, Duration.ofSeconds(60));
      sequential.add(latency(api, id));
    }
    report("sequential", sequential, Duration.between(t0, Instant.now()));

    List<String> ids = new ArrayList<>();
    Instant t1 = Instant.now();
    try (ExecutorService starters = Executors.newFixedThreadPool(8)) {
      List<Future<?>> started = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        String id = "bench-conc-" + run + "-" + i;
        ids.add(id);
        started.add(starters.submit(() -> api.start("OrderWorkflow", id, id)));
      }
      for (Future<?> f : started) {
        f.get();
      }
    }
    List<Duration> concurrent = new ArrayList<>();
    for (String id : ids) {
      api.awaitCompleted(id, Duration.ofSeconds(300));
    }
    Duration wall = Duration.between(t1, Instant.now());
    for (String id : ids) {
      concurrent.add(latency(api, id));
    }
    report("concurrent", concurrent, wall);
  }

  @Test
  void decisionHandler_coldStart_andLambdaJarSize() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Long> figures = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
          System.getProperty("java.class.path"), DecisionColdStart.class.getName()).redirectErrorStream(true).start();
      String out;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        out = String.join("\n", r.lines().toList());
      }
      p.waitFor();
      String line = out.lines().filter(l -> l.startsWith("cold-start-ms=")).findFirst()
          .orElseThrow(() -> new AssertionError("no figure from the cold-start JVM: " + out));
      figures.add(Long.parseLong(line.substring("cold-start-ms=".length())));
    }
    System.out.println("BENCH decision handler cold start (JVM start to first handled event, in-memory store, "
        + "test class path): runs " + figures + " ms");
    Path jar = ProjectFiles.lambdaJar();
    System.out.println("BENCH " + jar.getFileName() + ": " + (Files.exists(jar)
        ? String.format("%.1f MB (%d bytes)", Files.size(jar) / 1048576.0, Files.size(jar)) : "not built (./cairn build)"));
  }

  private static Duration latency(CairnHttp api, String id) {
    List<JsonNode> events = api.history(id);
    return Duration.between(Instant.parse(events.get(0).get("timestamp").asText()),
        Instant.parse(events.get(events.size() - 1).get("timestamp").asText()));
  }

  private static void report(String mode, List<Duration> latencies, Duration wall) {
    List<Long> ms = new ArrayList<>(latencies.stream().map(Duration::toMillis).toList());
    Collections.sort(ms);
    System.out.printf("BENCH OrderWorkflow %s, N=%d: p50 %d ms, p99 %d ms, max %d ms; %.1f workflows/s (wall %d ms)%n",
        mode, ms.size(), percentile(ms, 50), percentile(ms, 99), ms.get(ms.size() - 1),
        ms.size() * 1000.0 / Math.max(1, wall.toMillis()), wall.toMillis());
  }

  private static long percentile(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
