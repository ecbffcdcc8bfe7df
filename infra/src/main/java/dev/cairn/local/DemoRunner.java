package dev.cairn.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./cairn local --demo}: starts each sample workflow through the HTTP API, as a user would
 * with curl, and prints how each ended, with the commands to look further.
 */
final class DemoRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  /** A demo run: the sample's type and its arguments. */
  record Sample(String workflowType, List<Object> input, String what) {}

  static final List<Sample> SAMPLES = List.of(
      new Sample("GreetingWorkflow", List.of("World"), "one activity"),
      new Sample("MultiGreetingWorkflow", List.of(List.of("Ann", "Bob", "Cy")), "parallel activities"),
      new Sample("OrderWorkflow", List.of("order-7"), "three activities in sequence"),
      new Sample("RetryGreetingWorkflow", List.of("World"), "an activity that fails twice, retried with backoff"),
      new Sample("ReminderWorkflow", List.of("Ada", 3), "a durable timer of 3 s"),
      new Sample("TripBookingWorkflow", List.of("Ann"), "a saga that books everything"),
      new Sample("TripBookingWorkflow", List.of("Ann (no flight)"), "a saga that compensates when the flight is sold out"),
      new Sample("ParentGreetingWorkflow", List.of("World"), "a parent that runs a child workflow"),
      new Sample("BatchSumWorkflow", List.of(3, 10, 0), "continue-as-new: three runs of one workflow id"),
      new Sample("LocalGreetingWorkflow", List.of("World"), "a local activity, run inside the decision"));

  private final URI base;
  private final PrintStream out;
  private final Clock clock;
  private final HttpClient http = HttpClient.newHttpClient();

  DemoRunner(URI base, PrintStream out, Clock clock) {
    this.base = base;
    this.out = out;
    this.clock = clock;
  }

  /** Starts every sample, then waits for each; returns how many completed as expected. */
  int run() throws Exception {
    String suffix = Long.toString(clock.millis(), 36);
    Map<String, Sample> started = new LinkedHashMap<>();
    int i = 0;
    for (Sample s : SAMPLES) {
      String id = "demo-" + (++i) + "-" + s.workflowType() + "-" + suffix;
      ObjectNode body = JSON.createObjectNode().put("workflowType", s.workflowType()).put("workflowId", id);
      body.set("input", JSON.valueToTree(s.input()));
      JsonNode r = send("POST", "/workflows", body.toString());
      out.println("demo: started " + s.workflowType() + " (" + s.what() + ") as " + id);
      if (r == null || !r.has("runId")) {
        out.println("demo:   start answered " + r);
        continue;
      }
      started.put(id, s);
    }
    int ok = 0;
    for (Map.Entry<String, Sample> e : started.entrySet()) {
      JsonNode d = awaitClosed(e.getKey());
      String status = d == null ? "STILL RUNNING after " + DEADLINE.toSeconds() + " s" : d.path("status").asText();
      String outcome = d == null ? "" : d.has("result") ? " -> " + d.get("result")
          : d.has("failure") ? " -> " + causeChain(d.get("failure")) : "";
      out.println("demo: " + e.getValue().workflowType() + " " + e.getKey() + " " + status + outcome);
      if (d != null && !"RUNNING".equals(status)) {
        ok++;
      }
    }
    String last = started.keySet().stream().reduce((a, b) -> b).orElse("ID");
    out.println("demo: see one with  curl " + base + "/workflows/" + last + "  and  curl " + base + "/workflows/" + last + "/history");
    out.println("demo: or open " + base + "/ui#/run?id=" + URLEncoder.encode(last, StandardCharsets.UTF_8) + " in a browser");
    return ok;
  }

  /** "Activity task failed: no flight available for Ann (SoldOut)": each cause's message, outermost first. */
  private static String causeChain(JsonNode failure) {
    StringBuilder b = new StringBuilder();
    for (JsonNode f = failure; f != null && !f.isMissingNode() && !f.isNull(); f = f.get("cause")) {
      if (b.length() > 0) {
        b.append(": ");
      }
      b.append(f.path("message").asText());
      String type = f.path("applicationFailureInfo").path("type").asText("");
      if (!type.isEmpty()) {
        b.append(" (").append(type).append(')');
      }
    }
    return b.toString();
  }

  private JsonNode awaitClosed(String id) throws Exception {
    Instant deadline = clock.instant().plus(DEADLINE);
    while (clock.instant().isBefore(deadline)) {
      JsonNode d = send("GET", "/workflows/" + id, null);
      if (d != null && d.has("status") && !"RUNNING".equals(d.get("status").asText())) {
        return d;
      }
      Thread.sleep(50); // polling interval of a wait with a deadline
    }
    return null;
  }

  private JsonNode send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json");
    b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
  }
}
