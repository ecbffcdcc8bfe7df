package dev.cairn.internal.store.sqlite;

/** The SQLite file could not be read or written (I/O error, locked past the busy timeout, corrupt). */
public final class SqliteStoreException extends RuntimeException {
  SqliteStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  SqliteStoreException(String message) {
    super(message);
  }
}
