package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.api.enums.v1.EventType;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.client.WorkflowOptions;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;

/** Local activities: run inside the decision, recorded as one marker per call however many attempts. */
public class LocalActivitiesRuleTest {
  @ActivityInterface
  public interface ExchangeRates {
    double rate(String from, String to);
  }

  @WorkflowInterface
  public interface ConversionWorkflow {
    @WorkflowMethod
    String convert(long cents, String from, String to);
  }

  public static class ConversionWorkflowImpl implements ConversionWorkflow {
    private final ExchangeRates rates = Workflow.newLocalActivityStub(ExchangeRates.class, LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(5))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofMillis(10))
            .setMaximumAttempts(3)
            .setDoNotRetry(IllegalArgumentException.class.getName())
            .build())
        .build());

    @Override
    public String convert(long cents, String from, String to) {
      return Math.round(cents * rates.rate(from, to)) + " " + to;
    }
  }

  private final ExchangeRates rates = mock(ExchangeRates.class, withSettings().withoutAnnotations());

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(ConversionWorkflowImpl.class)
      .setActivityImplementations(rates)
      .build();

  private ConversionWorkflow newConversion(String workflowId) {
    return testWorkflowRule.getWorkflowClient().newWorkflowStub(ConversionWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(testWorkflowRule.getTaskQueue()).setWorkflowId(workflowId).build());
  }

  private long count(String workflowId, EventType type) {
    return testWorkflowRule.getWorkflowClient().fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == type).count();
  }

  @Test
  public void convert_shouldRecordAMarkerAndScheduleNoActivityTask_whenTheRateIsFetchedLocally() {
    when(rates.rate("EUR", "USD")).thenReturn(1.1);

    assertEquals("1100 USD", newConversion("convert-1").convert(1000, "EUR", "USD"));

    verify(rates).rate("EUR", "USD");
    assertEquals(1, count("convert-1", EventType.EVENT_TYPE_MARKER_RECORDED));
    assertEquals(0, count("convert-1", EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED));
  }

  @Test
  public void convert_shouldRetryUnderOneMarker_whenTheRateServiceFailsTwice() {
    when(rates.rate("GBP", "EUR"))
        .thenThrow(new IllegalStateException("rates busy"))
        .thenThrow(new IllegalStateException("rates still busy"))
        .thenReturn(1.2);

    assertEquals("1200 EUR", newConversion("convert-retried").convert(1000, "GBP", "EUR"));

    verify(rates, times(3)).rate("GBP", "EUR");
    assertEquals(1, count("convert-retried", EventType.EVENT_TYPE_MARKER_RECORDED));
    assertEquals(0, count("convert-retried", EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED));
  }

  @Test
  public void convert_shouldFailWithTheLastCause_whenMaximumAttemptsAreUsedUp() {
    when(rates.rate("USD", "JPY")).thenThrow(new IllegalStateException("rates down"));
    ConversionWorkflow conversion = newConversion("convert-exhausted");

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> conversion.convert(5, "USD", "JPY"));

    assertTrue(e.getCause() instanceof ActivityFailure);
    ApplicationFailure cause = (ApplicationFailure) e.getCause().getCause();
    assertEquals(IllegalStateException.class.getName(), cause.getType());
    assertEquals("rates down", cause.getOriginalMessage());
    verify(rates, times(3)).rate("USD", "JPY");
  }

  @Test
  public void convert_shouldNotRetry_whenTheFailureTypeIsListedAsDoNotRetry() {
    when(rates.rate("XXX", "EUR")).thenThrow(new IllegalArgumentException("no such currency: XXX"));
    ConversionWorkflow conversion = newConversion("convert-unknown");

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> conversion.convert(5, "XXX", "EUR"));

    assertEquals(IllegalArgumentException.class.getName(), ((ApplicationFailure) e.getCause().getCause()).getType());
    verify(rates, times(1)).rate("XXX", "EUR");
  }
}
