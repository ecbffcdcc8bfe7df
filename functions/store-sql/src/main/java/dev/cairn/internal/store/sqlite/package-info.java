/** The embedded history store: SQLite in WAL mode, one file in the data directory. */
package dev.cairn.internal.store.sqlite;
