package dev.cairn.internal.store.sqlite;

/**
 * How hard a commit is pushed to disk before it is acknowledged: SQLite's {@code synchronous} setting
 * in WAL mode.
 */
public enum Durability {
  /**
   * {@code synchronous=NORMAL}, the default: an acknowledged commit survives the process being
   * killed (kill -9, a crash), not the machine losing power. About three times faster than FULL.
   */
  NORMAL,
  /** {@code synchronous=FULL}: every commit is fsynced, so it also survives a power loss. */
  FULL
}
