package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.activity.DynamicActivity;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.client.WorkflowStub;
import dev.cairn.common.converter.EncodedValues;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.ActivityStub;
import dev.cairn.workflow.DynamicSignalHandler;
import dev.cairn.workflow.DynamicWorkflow;
import dev.cairn.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * Workflows and activities addressed by name: untyped activity stubs, a DynamicWorkflow serving any
 * type, a DynamicActivity serving any activity type, and signals caught by a DynamicSignalHandler
 * registered with Workflow.registerListener, a signal sent with start waiting for that listener.
 */
public class DynamicWorkflowsRuleTest {
  @ActivityInterface
  public interface TranslationActivities {
    String translate(String text, String language);
  }

  /** Serves every activity type nobody else serves: answers with the type it ran as and its arguments. */
  public static class AnyActivity implements DynamicActivity {
    @Override
    public Object execute(EncodedValues args) {
      List<String> given = new ArrayList<>();
      for (int i = 0; i < args.getSize(); i++) {
        given.add(args.get(i, String.class));
      }
      return Activity.getExecutionContext().getInfo().getActivityType() + given;
    }
  }

  /**
   * Serves any workflow type: translates its subject by activity name, only then listens for
   * signals, waits for "approve" and returns what it did.
   */
  public static class AnyRequestWorkflow implements DynamicWorkflow {
    private final List<String> signals = new ArrayList<>();

    @Override
    public Object execute(EncodedValues args) {
      String subject = args.get(0, String.class);
      ActivityStub activities = Workflow.newUntypedActivityStub(
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
      String translated = activities.execute("Translate", String.class, subject, "fr");
      String filed = activities.execute("FileRequest", String.class, Workflow.getInfo().getWorkflowType(), subject);
      Workflow.registerListener((DynamicSignalHandler) (signalName, signalArgs) ->
          signals.add(signalName + ":" + signalArgs.get(0, String.class)));
      Workflow.await(() -> signals.stream().anyMatch(s -> s.startsWith("approve:")));
      return Workflow.getInfo().getWorkflowType() + " | " + translated + " | " + filed + " | " + signals;
    }
  }

  private final TranslationActivities translations = mock(TranslationActivities.class);

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(AnyRequestWorkflow.class)
      .setActivityImplementations(translations, new AnyActivity())
      .build();

  private WorkflowStub newRequest(String workflowType, String workflowId) {
    return testWorkflowRule.getWorkflowClient().newUntypedWorkflowStub(workflowType, WorkflowOptions.newBuilder()
        .setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
  }

  @Test
  public void signalWithStart_shouldReachTheDynamicHandler_whenTheListenerIsRegisteredOnlyAfterActivities() {
    when(translations.translate("trip to Lyon", "fr")).thenReturn("voyage à Lyon");
    WorkflowStub request = newRequest("ExpenseReport", "expense-1");

    request.signalWithStart("approve", new Object[] {"manager"}, new Object[] {"trip to Lyon"});

    assertEquals("ExpenseReport | voyage à Lyon | FileRequest[ExpenseReport, trip to Lyon] | [approve:manager]",
        request.getResult(String.class));
    verify(translations).translate("trip to Lyon", "fr");
  }

  @Test
  public void dynamicSignalHandler_shouldSeeEverySignalInOrder_whenSignalsAreSentAfterStart() {
    when(translations.translate("two days off", "fr")).thenReturn("deux jours de congé");
    WorkflowStub request = newRequest("LeaveRequest", "leave-1");
    request.start("two days off");

    request.signal("comment", "enjoy");
    request.signal("approve", "hr");

    assertEquals("LeaveRequest | deux jours de congé | FileRequest[LeaveRequest, two days off] | [comment:enjoy, approve:hr]",
        request.getResult(String.class));
  }
}
