package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cairn replay} on the golden histories that release 1 of the Shipment workflow recorded
 * (see {@link GoldenHistoriesRecorder}), against release 2 with and without getVersion.
 */
class ReplayCommandTest {
  static final Path GOLDEN = Path.of("src/test/resources/replay");
  static final String V1 = ShipmentWorkflows.V1Workers.class.getName();
  static final String VERSIONED = ShipmentWorkflows.V2VersionedWorkers.class.getName();
  /** The Shipment histories only: the golden-*.json files beside them are other workflows' (GoldenHistoriesReplayTest). */
  static final String[] SHIPMENTS = {GOLDEN.resolve("shipment-done.json").toString(),
      GOLDEN.resolve("shipment-waiting.json").toString()};
  static final String UNVERSIONED = ShipmentWorkflows.V2UnversionedWorkers.class.getName();

  record Run(int exitCode, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  static Run replay(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ReplayCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String[] args(String... options) {
    return Stream.concat(Stream.of(options), Stream.of(SHIPMENTS)).toArray(String[]::new);
  }

  @Test
  void replay_shouldPrintOkAndExitZero_whenChangeIsGuardedByGetVersion() {
    Run r = replay(args("--workers", VERSIONED));
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.lines().get(0).startsWith("OK ") && r.lines().get(0).contains("shipment-done.json (Shipment, 14 events)"),
        r.out());
    assertTrue(r.lines().get(1).startsWith("OK ") && r.lines().get(1).contains("shipment-waiting.json (Shipment, "), r.out());
    assertEquals("2 histories replayed: 2 OK, 0 NON-DETERMINISTIC, 0 FAILED", r.lines().get(2));
  }

  @Test
  void replay_shouldNameTheEventAndExitOne_whenChangeIsNotGuarded() {
    Run r = replay("--workers", UNVERSIONED, GOLDEN.resolve("shipment-waiting.json").toString());
    assertEquals(1, r.exitCode(), r.out() + r.err());
    String line = r.lines().get(0);
    assertTrue(line.startsWith("NON-DETERMINISTIC " + GOLDEN.resolve("shipment-waiting.json") + " (Shipment, 7 events): "),
        line);
    // The code scheduled Invoice where release 1 had started its one-day timer (event 7).
    assertTrue(line.contains("[TMPRL1100] Event 7 of type TimerStarted"), line);
    assertTrue(line.contains("the command the code issued: ActivityTaskScheduled {activityType=Invoice"), line);
    assertTrue(line.contains("WorkflowId=shipment-waiting"), line);
    assertEquals("1 histories replayed: 0 OK, 1 NON-DETERMINISTIC, 0 FAILED", r.lines().get(1));
  }

  @Test
  void replay_shouldReplayBothShapes_whenHistoryIsBareArrayOrApiPage(@TempDir Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    var golden = json.readTree(GOLDEN.resolve("shipment-waiting.json").toFile());
    Files.writeString(dir.resolve("a-bare-array.json"), golden.path("events").toString());
    var page = json.createObjectNode();
    page.set("events", golden.path("events"));
    page.putNull("nextPageToken");
    Files.writeString(dir.resolve("b-api-page.json"), page.toString());
    Files.writeString(dir.resolve("notes.txt"), "not a history: ignored, it is no .json file");

    Run r = replay("--workers", VERSIONED, dir.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertEquals("2 histories replayed: 2 OK, 0 NON-DETERMINISTIC, 0 FAILED", r.lines().get(2));
  }

  @Test
  void replay_shouldReportFailedAndExitOne_whenWorkflowTypeIsNoLongerRegistered(@TempDir Path dir) throws Exception {
    String renamed = Files.readString(GOLDEN.resolve("shipment-done.json")).replace("\"Shipment\"", "\"OldShipment\"");
    Files.writeString(dir.resolve("renamed.json"), renamed);
    Run r = replay("--workers", V1, dir.resolve("renamed.json").toString(), GOLDEN.resolve("shipment-done.json").toString());
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.lines().get(0).startsWith("FAILED ") && r.lines().get(0).contains("\"OldShipment\" is not registered"), r.out());
    assertTrue(r.lines().get(1).startsWith("OK "), r.out());
  }

  @Test
  void replay_shouldReportFailed_whenFileIsNotAHistory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("broken.json"), "{\"executions\": []}");
    Run r = replay("--workers", V1, dir.toString());
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.lines().get(0).startsWith("FAILED ") && r.lines().get(0).contains("unreadable history"), r.out());
  }

  @Test
  void replay_shouldExitTwoWithUsage_whenArgumentsAreWrong(@TempDir Path dir) {
    assertEquals(2, replay(GOLDEN.toString()).exitCode(), "no --workers");
    assertEquals(2, replay("--workers", V1).exitCode(), "nothing to replay");
    assertEquals(2, replay("--workers", V1, "--bogus", GOLDEN.toString()).exitCode(), "unknown option");
    assertEquals(2, replay("--workers", V1, "--from", "http://127.0.0.1:1", GOLDEN.toString()).exitCode(), "both");
    Run missingClass = replay("--workers", "com.acme.Nope", GOLDEN.toString());
    assertEquals(2, missingClass.exitCode());
    assertTrue(missingClass.err().contains("com.acme.Nope is not on the classpath"), missingClass.err());
    Run missingFile = replay("--workers", V1, dir.resolve("nope.json").toString());
    assertEquals(2, missingFile.exitCode());
    assertTrue(missingFile.err().contains("no such file or directory"), missingFile.err());
    Run emptyDir = replay("--workers", V1, dir.toString());
    assertEquals(2, emptyDir.exitCode());
    assertTrue(emptyDir.err().contains("no .json history file under"), emptyDir.err());
    Run help = replay("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("usage: cairn replay"), help.out());
  }

  /** The workers class comes from --classpath only: compiled here into a directory the test does not load. */
  @Test
  void replay_shouldLoadWorkflowCodeFromClasspath_whenGivenJarOrDirectory(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src/com/acme/AcmeWorkers.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, """
        package com.acme;
        public final class AcmeWorkers {
          public static void register(dev.cairn.worker.Worker w) {
            w.registerWorkflowImplementationTypes(dev.cairn.testing.ShipmentWorkflows.ShipmentV2Versioned.class);
          }
        }
        """);
    Path classes = dir.resolve("classes");
    List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        src.toString()));
    int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(String[]::new));
    assertEquals(0, compiled);

    assertEquals(2, replay(args("--workers", "com.acme.AcmeWorkers")).exitCode(), "not on the classpath");
    Run r = replay(args("--workers", "com.acme.AcmeWorkers", "--classpath", classes.toString()));
    assertEquals(0, r.exitCode(), r.out() + r.err());
  }
}
