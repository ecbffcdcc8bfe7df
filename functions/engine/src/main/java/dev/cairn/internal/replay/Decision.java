package dev.cairn.internal.replay;

import dev.cairn.internal.history.EventAttributes.CommandEvent;
import java.util.List;

/**
 * The outcome of replaying a history: the new commands (in order, the close command last), or
 * nothing when no event arrived since the last decision.
 *
 * @param needed false when there was nothing new to decide; the caller commits nothing
 * @param commands the commands to record as events after a WorkflowTaskCompleted
 */
public record Decision(boolean needed, List<CommandEvent> commands) {
  public Decision {
    commands = List.copyOf(commands);
  }

  public static Decision nothingNew() {
    return new Decision(false, List.of());
  }
}
