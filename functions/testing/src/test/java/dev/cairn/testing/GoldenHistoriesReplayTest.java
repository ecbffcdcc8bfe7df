package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.history.HistoryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden histories of {@link GoldenWorkflows} (src/test/resources/replay/golden-*.json, written by
 * {@link GoldenHistoriesRecorder}) pin the history format and replay semantics: each still replays
 * against the current code and reads back to the same JSON, and together they hold every event type,
 * so a new event type needs a golden history that shows it.
 */
class GoldenHistoriesReplayTest {
  static final Path DIR = Path.of("src/test/resources/replay");

  /** Event types no golden history holds, with why the test environment cannot record one that replays. */
  static final Map<String, String> NOT_RECORDED = Map.of(
      "WorkflowTaskFailed", "written only when the workflow code throws or is non-deterministic, so the code that "
          + "recorded it fails again on replay: a history with it cannot replay without error");

  static List<Path> goldenFiles() {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.getFileName().toString().matches("golden-.*\\.json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("goldenFiles")
  void replay_shouldSucceed_whenReplayedAgainstTheCurrentWorkflowCode(Path file) throws IOException {
    WorkflowReplayer.replayWorkflowExecution(file.toFile(), GoldenWorkflows.CheckoutImpl.class,
        GoldenWorkflows.FulfilmentImpl.class, GoldenWorkflows.ParcelImpl.class, GoldenWorkflows.RenewalImpl.class);
  }

  @ParameterizedTest
  @MethodSource("goldenFiles")
  void historyJson_shouldWriteTheSameEvents_whenItReadsAGoldenHistory(Path file) throws IOException {
    String golden = Files.readString(file);

    List<HistoryEvent> events = HistoryJson.fromJson(golden);
    String written = HistoryJson.toJson(events);

    JsonNode expected = HistoryJson.mapper().readTree(golden);
    assertEquals(expected, HistoryJson.mapper().readTree(written), file + " reads and writes back differently");
    assertEquals(expected.path("events").size(), events.size());
  }

  @Test
  void goldenHistories_shouldHoldEveryEventType_exceptThoseTheTestEnvironmentCannotRecord() throws IOException {
    Set<String> recorded = new TreeSet<>();
    for (Path file : goldenFiles()) {
      HistoryJson.fromJson(Files.readString(file)).forEach(e -> recorded.add(e.eventType()));
    }

    Set<String> missing = new TreeSet<>(allEventTypes());
    missing.removeAll(recorded);
    assertEquals(new TreeSet<>(NOT_RECORDED.keySet()), missing,
        "event types without a golden history: add a step to GoldenWorkflows and record again "
            + "(GoldenHistoriesRecorder), or list the type in NOT_RECORDED with the reason");
    assertFalse(recorded.isEmpty());
  }

  /** The record names of EventAttributes' sealed hierarchy: the event types, as the JSON names them. */
  static Set<String> allEventTypes() {
    Set<String> names = new TreeSet<>();
    collect(EventAttributes.class, names);
    return names;
  }

  private static void collect(Class<?> sealed, Set<String> names) {
    for (Class<?> type : sealed.getPermittedSubclasses()) {
      if (type.isRecord()) {
        names.add(type.getSimpleName());
      } else {
        collect(type, names);
      }
    }
  }
}
