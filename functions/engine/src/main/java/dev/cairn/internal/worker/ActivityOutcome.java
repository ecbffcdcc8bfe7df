package dev.cairn.internal.worker;

import dev.cairn.api.failure.v1.Failure;
import dev.cairn.common.converter.Payloads;

/** How one activity attempt ended. */
public sealed interface ActivityOutcome {
  record Completed(Payloads result) implements ActivityOutcome {}

  record Failed(Failure failure) implements ActivityOutcome {}

  record Canceled(Payloads details) implements ActivityOutcome {}

  /** The activity called {@code doNotCompleteOnReturn}; a client completes it by task token. */
  record CompletedLater() implements ActivityOutcome {}
}
