package dev.cairn.internal.replay;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The explicit transitions of one command's state machine. Every transition taken is recorded, so a
 * test can fail when one was never exercised, as Temporal's state machine tests do.
 */
final class TransitionTable<S extends Enum<S>, T extends Enum<T>> {
  private final String name;
  private final Map<S, Map<T, S>> table;
  private final Set<String> visited = ConcurrentHashMap.newKeySet();
  private final Class<T> triggerType;

  TransitionTable(String name, Class<S> stateType, Class<T> triggerType) {
    this.name = name;
    this.table = new EnumMap<>(stateType);
    this.triggerType = triggerType;
  }

  TransitionTable<S, T> add(S from, T trigger, S to) {
    table.computeIfAbsent(from, k -> new EnumMap<>(triggerType)).put(trigger, to);
    return this;
  }

  /** The next state; an undefined transition is an engine bug or corrupt history, so it throws. */
  S next(S from, T trigger) {
    Map<T, S> row = table.get(from);
    S to = row == null ? null : row.get(trigger);
    if (to == null) {
      throw new IllegalStateException(name + ": no transition from " + from + " on " + trigger);
    }
    visited.add(key(from, trigger));
    return to;
  }

  boolean allows(S from, T trigger) {
    Map<T, S> row = table.get(from);
    return row != null && row.containsKey(trigger);
  }

  /** Forgets the transitions taken so far, so a coverage test counts only its own scenarios. */
  void clearVisits() {
    visited.clear();
  }

  /** Transitions defined but never taken since the JVM started (or the last {@link #clearVisits()}). */
  Set<String> unvisited() {
    Set<String> out = new LinkedHashSet<>();
    table.forEach((from, row) -> row.keySet().forEach(t -> {
      if (!visited.contains(key(from, t))) {
        out.add(key(from, t));
      }
    }));
    return out;
  }

  private static String key(Enum<?> from, Enum<?> trigger) {
    return from + " --" + trigger + "-->";
  }

  @Override
  public String toString() {
    return name + table;
  }
}
