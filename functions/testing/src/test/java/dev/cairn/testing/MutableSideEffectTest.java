package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.converter.GlobalDataConverter;
import dev.cairn.internal.history.EventAttributes.MarkerRecorded;
import dev.cairn.internal.history.HistoryJson;
import dev.cairn.worker.NonDeterministicException;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MutableSideEffectTest {
  /** What the workflow polls: one value per call of its function, counted. */
  static final List<Integer> CONFIG_VALUES = List.of(1, 1, 2, 2, 2, 3);
  static final AtomicInteger CONFIG_READS = new AtomicInteger();

  static int readConfig() {
    return CONFIG_VALUES.get(CONFIG_READS.getAndIncrement());
  }

  @WorkflowInterface
  public interface ConfigWatcher {
    @WorkflowMethod
    String watch();
  }

  /** Polls the config once a minute; a value is recorded only when it differs from the last. */
  public static class ConfigWatcherImpl implements ConfigWatcher {
    @Override
    public String watch() {
      List<Integer> seen = new ArrayList<>();
      for (int i = 0; i < CONFIG_VALUES.size(); i++) {
        seen.add(Workflow.mutableSideEffect("config", Integer.class, (stored, fresh) -> !stored.equals(fresh),
            MutableSideEffectTest::readConfig));
        Workflow.sleep(Duration.ofMinutes(1));
      }
      return seen.toString();
    }
  }

  /** The same polls under another id: not the markers history recorded. */
  public static class RenamedWatcherImpl implements ConfigWatcher {
    @Override
    public String watch() {
      List<Integer> seen = new ArrayList<>();
      for (int i = 0; i < CONFIG_VALUES.size(); i++) {
        seen.add(Workflow.mutableSideEffect("settings", Integer.class, (stored, fresh) -> !stored.equals(fresh),
            MutableSideEffectTest::readConfig));
        Workflow.sleep(Duration.ofMinutes(1));
      }
      return seen.toString();
    }
  }

  /** The same timers without the polls: history's markers have no call to match. */
  public static class PollessWatcherImpl implements ConfigWatcher {
    @Override
    public String watch() {
      for (int i = 0; i < CONFIG_VALUES.size(); i++) {
        Workflow.sleep(Duration.ofMinutes(1));
      }
      return "";
    }
  }

  /** A generic result through the resultType overload, polled twice in one decision. */
  public static class ListWatcherImpl implements ConfigWatcher {
    @Override
    @SuppressWarnings("unchecked")
    public String watch() {
      Type listOfStrings = new ParameterizedType() {
        public Type[] getActualTypeArguments() { return new Type[] {String.class}; }
        public Type getRawType() { return List.class; }
        public Type getOwnerType() { return null; }
      };
      List<String> first = Workflow.mutableSideEffect("hosts", List.class, listOfStrings,
          (stored, fresh) -> !stored.equals(fresh), () -> List.of("a", "b"));
      List<String> second = Workflow.mutableSideEffect("hosts", List.class, listOfStrings,
          (stored, fresh) -> !stored.equals(fresh), () -> List.of("a", "b"));
      Workflow.sleep(Duration.ofMinutes(1));
      List<String> third = Workflow.mutableSideEffect("hosts", List.class, listOfStrings,
          (stored, fresh) -> !stored.equals(fresh), () -> List.of("c"));
      return first + " " + second + " " + third;
    }
  }

  @BeforeEach
  void resetConfig() {
    CONFIG_READS.set(0);
  }

  private static String run(Class<?> impl, String workflowId, List<String> result) {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      env.newWorker("q").registerWorkflowImplementationTypes(impl);
      env.start();
      ConfigWatcher watcher = env.getWorkflowClient().newWorkflowStub(ConfigWatcher.class,
          WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId(workflowId).build());
      result.add(watcher.watch());
      return env.getWorkflowClient().fetchHistory(workflowId).toJson(true);
    }
  }

  private static List<MarkerRecorded> markersOf(String json) {
    return HistoryJson.fromJson(json).stream()
        .filter(e -> e.attributes() instanceof MarkerRecorded).map(e -> (MarkerRecorded) e.attributes()).toList();
  }

  private static String string(MarkerRecorded m, String key) {
    return String.valueOf(GlobalDataConverter.get().fromPayloads(0, Optional.ofNullable(m.details().get(key)),
        Object.class, Object.class));
  }

  @Test
  void mutableSideEffect_shouldRecordMarkerOnlyWhenValueChanged_whenPollingInALoop() {
    List<String> result = new ArrayList<>();
    String json = run(ConfigWatcherImpl.class, "watch-changes", result);

    assertEquals("[1, 1, 2, 2, 2, 3]", result.get(0));
    List<MarkerRecorded> markers = markersOf(json);
    assertEquals(List.of("1", "2", "3"), markers.stream().map(m -> string(m, "data")).toList(),
        "one marker per change: " + markers);
    assertTrue(markers.stream().allMatch(m -> m.markerName().equals("MutableSideEffect")
        && string(m, "id").equals("config")), markers.toString());
    assertEquals(List.of("0", "1", "2"), markers.stream().map(m -> string(m, "skipCount")).toList(),
        "calls without a marker since the previous one");
    assertEquals(CONFIG_VALUES.size(), CONFIG_READS.get(), "func ran once per poll, never on the decisions' replays");
  }

  @Test
  void mutableSideEffect_shouldReturnRecordedValuesWithoutCallingFunc_whenReplayed() {
    String json = run(ConfigWatcherImpl.class, "watch-replay", new ArrayList<>());
    int readsBeforeReplay = CONFIG_READS.get();

    WorkflowReplayer.replayWorkflowExecution(json, ConfigWatcherImpl.class);

    assertEquals(readsBeforeReplay, CONFIG_READS.get(), "replay took the values from history");
  }

  @Test
  void mutableSideEffect_shouldFailReplayAsNonDeterministic_whenIdChanged() {
    String json = run(ConfigWatcherImpl.class, "watch-renamed", new ArrayList<>());

    NonDeterministicException e = assertThrows(NonDeterministicException.class,
        () -> WorkflowReplayer.replayWorkflowExecution(json, RenamedWatcherImpl.class));
    assertTrue(e.getMessage().contains("mutableSideEffect \"settings\" was called where history recorded no"
        + " MutableSideEffect marker"), e.getMessage());
    assertEquals(0, CONFIG_READS.get() - CONFIG_VALUES.size(), "the replay did not run func");
  }

  @Test
  void mutableSideEffect_shouldFailReplayAsNonDeterministic_whenCallRemoved() {
    String json = run(ConfigWatcherImpl.class, "watch-removed", new ArrayList<>());

    NonDeterministicException e = assertThrows(NonDeterministicException.class,
        () -> WorkflowReplayer.replayWorkflowExecution(json, PollessWatcherImpl.class));
    assertTrue(e.getMessage().contains("MarkerRecorded {marker=MutableSideEffect#config}"), e.getMessage());
  }

  @Test
  void mutableSideEffect_shouldConvertGenericResultAndKeepStoredValue_whenCalledTwiceInOneDecision() {
    List<String> result = new ArrayList<>();
    String json = run(ListWatcherImpl.class, "watch-list", result);

    assertEquals("[a, b] [a, b] [c]", result.get(0));
    assertEquals(List.of("0", "1"), markersOf(json).stream().map(m -> string(m, "skipCount")).toList());
    WorkflowReplayer.replayWorkflowExecution(json, ListWatcherImpl.class);
  }
}
