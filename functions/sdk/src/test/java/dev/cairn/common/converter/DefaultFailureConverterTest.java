package dev.cairn.common.converter;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.activity.Activity;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.RetryState;
import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.failure.ChildWorkflowFailure;
import dev.cairn.failure.TemporalFailure;
import dev.cairn.failure.TerminatedFailure;
import dev.cairn.failure.TimeoutFailure;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DefaultFailureConverterTest {
  record Detail(String code, int amount) {}

  private final DataConverter dc = DefaultDataConverter.newDefaultInstance();
  private final ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  private TemporalFailure roundTrip(Throwable t) throws Exception {
    Failure f = dc.exceptionToFailure(t);
    String json = mapper.writeValueAsString(f);
    return dc.failureToException(mapper.readValue(json, Failure.class));
  }

  @Test
  void exceptionToFailure_shouldUseClassNameAsType_whenPlainJavaException() throws Exception {
    IllegalStateException original = new IllegalStateException("stock is empty");
    Failure f = dc.exceptionToFailure(original);
    assertEquals("stock is empty", f.message());
    assertEquals("JavaSDK", f.source());
    assertEquals("java.lang.IllegalStateException", f.applicationFailureInfo().type());
    assertFalse(f.applicationFailureInfo().nonRetryable());
    assertTrue(f.stackTrace().contains("DefaultFailureConverterTest"), f.stackTrace());

    ApplicationFailure back = assertInstanceOf(ApplicationFailure.class, roundTrip(original));
    assertEquals("java.lang.IllegalStateException", back.getType());
    assertEquals("stock is empty", back.getOriginalMessage());
    assertEquals(
        "message='stock is empty', type='java.lang.IllegalStateException', nonRetryable=false",
        back.getMessage());
    assertEquals(original.getStackTrace()[0].toString(), back.getStackTrace()[0].toString());
  }

  @Test
  void exceptionToFailure_shouldUnwrapCheckedAndChainCauses_whenWrapped() throws Exception {
    RuntimeException wrapped = Activity.wrap(new IOException("disk full", new IllegalArgumentException("bad path")));
    ApplicationFailure back = assertInstanceOf(ApplicationFailure.class, roundTrip(wrapped));
    assertEquals("java.io.IOException", back.getType());
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, back.getCause());
    assertEquals("java.lang.IllegalArgumentException", cause.getType());
    assertEquals("bad path", cause.getOriginalMessage());
  }

  @Test
  void activityFailure_shouldRoundTripWithApplicationCause_whenNonRetryableWithDetails() throws Exception {
    ApplicationFailure app =
        ApplicationFailure.newNonRetryableFailure("card declined", "PaymentDeclined", new Detail("D42", 7));
    ActivityFailure af =
        new ActivityFailure(
            "Activity task failed", 5, 6, "Charge", "1", RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
            "worker@host", app);

    ActivityFailure back = assertInstanceOf(ActivityFailure.class, roundTrip(af));
    assertEquals(5, back.getScheduledEventId());
    assertEquals(6, back.getStartedEventId());
    assertEquals("Charge", back.getActivityType());
    assertEquals("1", back.getActivityId());
    assertEquals("worker@host", back.getIdentity());
    assertEquals(RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE, back.getRetryState());
    assertEquals(af.getMessage(), back.getMessage());
    assertEquals(
        "Activity with activityType='Charge' failed: 'Activity task failed'. scheduledEventId=5, "
            + "startedEventId=6, activityId=1, identity='worker@host', "
            + "retryState=RETRY_STATE_NON_RETRYABLE_FAILURE",
        back.getMessage());

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, back.getCause());
    assertEquals("PaymentDeclined", cause.getType());
    assertEquals("card declined", cause.getOriginalMessage());
    assertTrue(cause.isNonRetryable());
    assertEquals(1, cause.getDetails().getSize());
    assertEquals(new Detail("D42", 7), cause.getDetails().get(Detail.class));
  }

  @Test
  void failureToException_shouldKeepOriginalFailure_whenSentOnAgain() {
    Failure f = dc.exceptionToFailure(ApplicationFailure.newFailure("m", "T", 1));
    TemporalFailure e = dc.failureToException(f);
    assertEquals(f, e.getFailure().orElseThrow());
    assertEquals(f, dc.exceptionToFailure(e));
  }

  @Test
  void timeoutAndCanceled_shouldRoundTripDetails_whenPresent() throws Exception {
    TimeoutFailure t = assertInstanceOf(
        TimeoutFailure.class, roundTrip(new TimeoutFailure("late", "progress-3", TimeoutType.TIMEOUT_TYPE_HEARTBEAT)));
    assertEquals(TimeoutType.TIMEOUT_TYPE_HEARTBEAT, t.getTimeoutType());
    assertEquals("progress-3", t.getLastHeartbeatDetails().get(String.class));
    assertEquals("message='late', timeoutType=TIMEOUT_TYPE_HEARTBEAT", t.getMessage());

    CanceledFailure c = assertInstanceOf(CanceledFailure.class, roundTrip(new CanceledFailure("stop", 9)));
    assertEquals(9, c.getDetails().get(Integer.class));
    assertEquals(0, new CanceledFailure("no details").getDetails().getSize());

    assertInstanceOf(TerminatedFailure.class, roundTrip(new TerminatedFailure("killed", null)));
  }

  @Test
  void childWorkflowFailure_shouldRoundTrip_whenConverted() throws Exception {
    WorkflowExecution ex = WorkflowExecution.newBuilder().setWorkflowId("child").setRunId("r").build();
    ChildWorkflowFailure cw =
        new ChildWorkflowFailure(3, 4, "ChildWf", ex, "default", RetryState.RETRY_STATE_TIMEOUT,
            ApplicationFailure.newFailure("x", "Y"));
    ChildWorkflowFailure back = assertInstanceOf(ChildWorkflowFailure.class, roundTrip(cw));
    assertEquals(ex, back.getExecution());
    assertEquals("ChildWf", back.getWorkflowType());
    assertEquals(RetryState.RETRY_STATE_TIMEOUT, back.getRetryState());
    assertEquals("Y", ((ApplicationFailure) back.getCause()).getType());
  }

  @Test
  void applicationFailure_shouldKeepNextRetryDelay_whenSet() throws Exception {
    ApplicationFailure a = ApplicationFailure.newFailureWithCauseAndDelay("slow down", "RateLimited", null, Duration.ofSeconds(30));
    ApplicationFailure back = assertInstanceOf(ApplicationFailure.class, roundTrip(a));
    assertEquals(Duration.ofSeconds(30), back.getNextRetryDelay());
    assertFalse(back.isNonRetryable());
  }

  @Test
  void failure_shouldRejectTwoInfos_whenConstructed() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Failure("m", "JavaSDK", "", null,
            new Failure.ApplicationFailureInfo("T", false, null, null), null, null,
            new Failure.TerminatedFailureInfo(), null, null, null));
  }
}
