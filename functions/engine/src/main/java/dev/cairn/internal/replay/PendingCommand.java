package dev.cairn.internal.replay;

import dev.cairn.internal.history.EventAttributes.CommandEvent;
import java.util.function.LongConsumer;

/**
 * A command the code issued in the current decision. It is recorded when matched to its event on
 * replay, or when the new decision's commands are numbered; until then it may still be dropped
 * (cancelled before it left the decision), as Temporal drops such commands.
 */
final class PendingCommand {
  final CommandEvent command;
  private final LongConsumer onRecorded;
  boolean dropped;
  long eventId = -1;

  PendingCommand(CommandEvent command, LongConsumer onRecorded) {
    this.command = command;
    this.onRecorded = onRecorded;
  }

  boolean isRecorded() {
    return eventId > 0;
  }

  void recorded(long id) {
    eventId = id;
    if (onRecorded != null) {
      onRecorded.accept(id);
    }
  }
}
