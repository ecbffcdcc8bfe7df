package dev.cairn.internal.replay;

import java.util.List;

/** A query or update names no handler of the workflow; lists the names it has, as Temporal does. */
public final class UnknownHandlerException extends RuntimeException {
  private final String name;
  private final List<String> knownTypes;

  UnknownHandlerException(String kind, String name, java.util.Collection<String> knownTypes) {
    super("Unknown " + kind + " type: " + name + ", knownTypes=" + new java.util.TreeSet<>(knownTypes));
    this.name = name;
    this.knownTypes = List.copyOf(new java.util.TreeSet<>(knownTypes));
  }

  public String name() {
    return name;
  }

  /** The names the workflow handles, sorted. */
  public List<String> knownTypes() {
    return knownTypes;
  }
}
