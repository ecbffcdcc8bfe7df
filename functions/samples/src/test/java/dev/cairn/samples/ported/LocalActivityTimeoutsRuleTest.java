package dev.cairn.samples.ported;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.client.WorkflowFailedException;
import dev.cairn.common.RetryOptions;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.TimeoutFailure;
import dev.cairn.testing.TestWorkflowRule;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;

/** Local activity timeouts as a Temporal user relies on them, with the JUnit 4 rule and a mocked activity. */
public class LocalActivityTimeoutsRuleTest {
  @ActivityInterface
  public interface ExchangeRates {
    String rate(String currency);
  }

  @WorkflowInterface
  public interface Quote {
    @WorkflowMethod
    String quote(String currency);
  }

  private static final RetryOptions QUICK_RETRIES = RetryOptions.newBuilder()
      .setInitialInterval(Duration.ofMillis(10)).setBackoffCoefficient(1).setMaximumAttempts(3).build();

  /** Each attempt may take 300 ms; up to three attempts. */
  public static class PatientQuoteImpl implements Quote {
    @Override
    public String quote(String currency) {
      return Workflow.newLocalActivityStub(ExchangeRates.class, LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMillis(300)).setRetryOptions(QUICK_RETRIES).build()).rate(currency);
    }
  }

  @WorkflowInterface
  public interface UrgentQuote {
    @WorkflowMethod
    String quote(String currency);
  }

  /** The whole lookup, retries included, must finish within 400 ms. */
  public static class UrgentQuoteImpl implements UrgentQuote {
    @Override
    public String quote(String currency) {
      return Workflow.newLocalActivityStub(ExchangeRates.class, LocalActivityOptions.newBuilder()
          .setScheduleToCloseTimeout(Duration.ofMillis(400)).setRetryOptions(QUICK_RETRIES).build()).rate(currency);
    }
  }

  private final ExchangeRates rates = mock(ExchangeRates.class, withSettings().withoutAnnotations());

  @Rule
  public TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
      .setWorkflowTypes(PatientQuoteImpl.class, UrgentQuoteImpl.class)
      .setActivityImplementations(rates)
      .build();

  /** The rate service hangs on the first {@code slowAttempts} attempts (until abandoned), then answers. */
  private void rateServiceSlowFor(int slowAttempts) {
    when(rates.rate(anyString())).thenAnswer(call -> {
      int attempt = Activity.getExecutionContext().getInfo().getAttempt();
      if (attempt <= slowAttempts) {
        Thread.sleep(Duration.ofMinutes(1)); // interrupted when the attempt is abandoned
      }
      return "1 " + call.getArgument(0) + " = 1.08 USD (attempt " + attempt + ")";
    });
  }

  @Test
  public void startToCloseTimeout_shouldRetryTheAttempt_whenTheFirstAttemptHangs() {
    rateServiceSlowFor(1);

    String quote = testWorkflowRule.newWorkflowStub(Quote.class).quote("EUR");

    assertEquals("1 EUR = 1.08 USD (attempt 2)", quote);
    verify(rates, times(2)).rate("EUR");
  }

  @Test
  public void startToCloseTimeout_shouldFailTheWorkflowWithThatTimeout_whenEveryAttemptHangs() {
    rateServiceSlowFor(3);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> testWorkflowRule.newWorkflowStub(Quote.class).quote("GBP"));

    ActivityFailure activityFailure = (ActivityFailure) e.getCause();
    assertEquals(RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED, activityFailure.getRetryState());
    assertEquals(TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE, ((TimeoutFailure) activityFailure.getCause()).getTimeoutType());
    verify(rates, times(3)).rate("GBP");
  }

  @Test
  public void scheduleToCloseTimeout_shouldFailWithoutFurtherRetries_whenTheAttemptOutlivesIt() {
    rateServiceSlowFor(3);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> testWorkflowRule.newWorkflowStub(UrgentQuote.class).quote("JPY"));

    ActivityFailure activityFailure = (ActivityFailure) e.getCause();
    assertEquals(TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE, ((TimeoutFailure) activityFailure.getCause()).getTimeoutType());
    assertEquals(RetryState.RETRY_STATE_TIMEOUT, activityFailure.getRetryState());
    verify(rates, times(1)).rate("JPY");
  }
}
