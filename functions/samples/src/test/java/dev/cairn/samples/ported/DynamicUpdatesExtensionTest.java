package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowClient;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.client.WorkflowUpdateException;
import dev.cairn.common.converter.EncodedValues;
import dev.cairn.testing.TestWorkflowEnvironment;
import dev.cairn.testing.TestWorkflowExtension;
import dev.cairn.worker.Worker;
import dev.cairn.workflow.DynamicUpdateHandler;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.UpdateValidatorMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Update handlers registered at run time with {@code Workflow.registerListener}: a
 * {@link DynamicUpdateHandler} that takes any update name, and an object whose interface has a named
 * {@code @UpdateMethod} with its validator.
 */
class DynamicUpdatesExtensionTest {

  @ActivityInterface
  public interface Settings {
    String apply(String key, String value);
  }

  @WorkflowInterface
  public interface Configurator {
    @WorkflowMethod
    Map<String, String> configure();
  }

  /** A listener's named update, registered with the dynamic one. */
  public interface Closing {
    @UpdateMethod
    int close(String reason);

    @UpdateValidatorMethod(updateName = "close")
    void validateClose(String reason);
  }

  public static class ConfiguratorImpl implements Configurator {
    private final Settings settings = Workflow.newActivityStub(Settings.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
    private final Map<String, String> values = new LinkedHashMap<>();
    private boolean closed;

    @Override
    public Map<String, String> configure() {
      Workflow.registerListener(new DynamicUpdateHandler() {
        @Override
        public void handleValidate(String updateName, EncodedValues args) {
          if (!updateName.startsWith("set-")) {
            throw new IllegalArgumentException("only set-<key> updates, not " + updateName);
          }
        }

        @Override
        public Object handleExecute(String updateName, EncodedValues args) {
          String key = updateName.substring("set-".length());
          String applied = settings.apply(key, args.get(0, String.class));
          values.put(key, applied);
          return applied;
        }
      });
      Workflow.registerListener(new Closing() {
        @Override
        public int close(String reason) {
          closed = true;
          return values.size();
        }

        @Override
        public void validateClose(String reason) {
          if (reason.isBlank()) {
            throw new IllegalArgumentException("say why");
          }
        }
      });
      Workflow.await(() -> closed);
      return values;
    }
  }

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(ConfiguratorImpl.class)
      .setDoNotStart(true)
      .build();

  private static Settings start(TestWorkflowEnvironment testEnv, Worker worker) {
    Settings settings = mock(Settings.class);
    when(settings.apply("color", "blue")).thenReturn("BLUE");
    worker.registerActivitiesImplementations(settings);
    testEnv.start();
    return settings;
  }

  @Test
  void update_shouldReachTheDynamicHandler_whenTheWorkflowHasNoNamedHandlerForIt(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client) {
    Settings settings = start(testEnv, worker);
    WorkflowStub stub = client.newUntypedWorkflowStub("Configurator",
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("config-1").build());
    stub.start();

    assertEquals("BLUE", stub.update("set-color", String.class, "blue"));
    assertEquals(1, stub.update("close", Integer.class, "done"));

    assertEquals(Map.of("color", "BLUE"), stub.getResult(Map.class));
    verify(settings).apply("color", "blue");
  }

  @Test
  void update_shouldBeRejectedWithoutATrace_whenTheDynamicOrTheListenersValidatorRefusesIt(
      TestWorkflowEnvironment testEnv, Worker worker, WorkflowClient client) {
    Settings settings = start(testEnv, worker);
    WorkflowStub stub = client.newUntypedWorkflowStub("Configurator",
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("config-2").build());
    stub.start();

    WorkflowUpdateException dynamic = assertThrows(WorkflowUpdateException.class,
        () -> stub.update("delete-color", String.class, "x"));
    WorkflowUpdateException named = assertThrows(WorkflowUpdateException.class,
        () -> stub.update("close", Integer.class, " "));

    assertTrue(String.valueOf(dynamic.getCause().getMessage()).contains("only set-<key> updates"), dynamic.toString());
    assertTrue(String.valueOf(named.getCause().getMessage()).contains("say why"), named.toString());
    verifyNoInteractions(settings);
    stub.update("close", Integer.class, "done");
    stub.getResult(Map.class);
    long accepted = client.fetchHistory("config-2").getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED).count();
    assertEquals(1, accepted, "only the accepted close is in history");
  }
}
