package dev.cairn.failure;

import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.DataConverter;
import java.util.Optional;

/**
 * A failure that can cross workflow and activity boundaries. Any other exception crossing one is
 * converted to an {@link ApplicationFailure}. Only the SDK extends this class.
 */
public abstract class TemporalFailure extends TemporalException {
  private Optional<Failure> failure = Optional.empty();
  private final String originalMessage;

  protected TemporalFailure(String message, String originalMessage, Throwable cause) {
    super(message, cause);
    this.originalMessage = originalMessage;
  }

  /** The stored form this exception was decoded from, kept so re-sending it loses nothing. */
  public Optional<Failure> getFailure() {
    return failure;
  }

  /** For the failure converter only. */
  public void setFailure(Failure failure) {
    this.failure = Optional.ofNullable(failure);
  }

  /** The message as given, without the decoration {@link #getMessage()} adds. */
  public String getOriginalMessage() {
    return originalMessage == null ? "" : originalMessage;
  }

  /** Lets details received as payloads be decoded with the worker's converter. */
  public void setDataConverter(DataConverter converter) {}
}
