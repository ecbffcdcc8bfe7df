package dev.cairn.failure;

import dev.cairn.api.enums.v1.TimeoutType;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.EncodedValues;
import dev.cairn.common.converter.Values;

/**
 * An activity, child or workflow timed out. Carries the last heartbeat details so a retried
 * activity or the caller can see how far it got.
 */
public final class TimeoutFailure extends TemporalFailure {
  private final Values lastHeartbeatDetails;
  private final TimeoutType timeoutType;

  public TimeoutFailure(String message, Object lastHeartbeatDetails, TimeoutType timeoutType) {
    this(
        message,
        lastHeartbeatDetails == null ? new EncodedValues() : new EncodedValues(lastHeartbeatDetails),
        timeoutType,
        null);
  }

  /** Used by the failure converter, where the details are still payloads. */
  public TimeoutFailure(
      String message, Values lastHeartbeatDetails, TimeoutType timeoutType, Throwable cause) {
    super(getMessage(message, timeoutType), message, cause);
    this.lastHeartbeatDetails = lastHeartbeatDetails;
    this.timeoutType = timeoutType;
  }

  public Values getLastHeartbeatDetails() {
    return lastHeartbeatDetails;
  }

  public TimeoutType getTimeoutType() {
    return timeoutType;
  }

  @Override
  public void setDataConverter(DataConverter converter) {
    if (lastHeartbeatDetails instanceof EncodedValues ev) {
      ev.setDataConverter(converter);
    }
  }

  public static String getMessage(String message, TimeoutType timeoutType) {
    return (message == null || message.isEmpty() ? "" : "message='" + message + "', ")
        + "timeoutType="
        + timeoutType;
  }
}
