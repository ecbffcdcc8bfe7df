package dev.cairn.internal.replay;

import dev.cairn.common.SearchAttributes;
import dev.cairn.internal.history.EventAttributes.CommandEvent;
import dev.cairn.internal.history.EventAttributes.UpsertWorkflowSearchAttributes;
import dev.cairn.internal.history.SearchAttributeMaps;
import java.util.Map;
import java.util.function.Consumer;

/** The run's search attributes as its code has upserted them so far: the same on every replay. */
final class RunSearchAttributes {
  private final Consumer<CommandEvent> addCommand;
  private Map<String, Object> searchAttributes;

  /** Starts from the attributes the run started with; {@code addCommand} records each upsert. */
  RunSearchAttributes(Map<String, Object> started, Consumer<CommandEvent> addCommand) {
    this.searchAttributes = SearchAttributeMaps.merge(started, null);
    this.addCommand = addCommand;
  }

  SearchAttributes typed() {
    return SearchAttributeMaps.toTyped(searchAttributes);
  }

  void upsert(Map<String, ?> changes) {
    if (changes == null || changes.isEmpty()) {
      throw new IllegalArgumentException("upsertSearchAttributes needs at least one attribute");
    }
    Map<String, Object> recorded = new java.util.LinkedHashMap<>(changes);
    addCommand.accept(new UpsertWorkflowSearchAttributes(recorded));
    searchAttributes = SearchAttributeMaps.merge(searchAttributes, recorded);
  }

  /** What a continued-as-new run starts with: a copy, or null when there are none. */
  Map<String, Object> forNextRun() {
    return searchAttributes.isEmpty() ? null : new java.util.LinkedHashMap<>(searchAttributes);
  }
}
