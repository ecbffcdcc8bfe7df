package dev.cairn.internal.store.sqlite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A few connections to one SQLite file, opened on demand and shared by many threads. In WAL mode
 * readers on their own connections never wait for the writer; writers take turns on SQLite's
 * write lock (busy timeout), so more connections than cores buys nothing.
 */
final class ConnectionPool implements AutoCloseable {
  private final String url;
  private final Properties settings;
  private final int maxSize;
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();
  private boolean closed;

  ConnectionPool(String url, Properties settings, int maxSize) {
    this.url = url;
    this.settings = settings;
    this.maxSize = maxSize;
    this.idle = new ArrayBlockingQueue<>(maxSize);
  }

  /** An idle connection, a new one while fewer than the maximum are open, else waits for one. */
  Connection borrow() throws SQLException {
    while (true) {
      Connection c = idle.poll();
      if (c != null) {
        return c;
      }
      synchronized (this) {
        if (closed) {
          throw new SQLException("the history store is closed");
        }
        if (all.size() < maxSize) {
          Connection opened = DriverManager.getConnection(url, settings);
          all.add(opened);
          return opened;
        }
      }
      try {
        // Bounded wait: a connection discarded meanwhile frees a slot that no one hands back.
        c = idle.poll(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for a connection", e);
      }
      if (c != null) {
        return c;
      }
    }
  }

  /** Gives a connection back; one left inside a transaction is rolled back first. */
  void giveBack(Connection c) {
    try {
      if (!c.isClosed() && !c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      discard(c);
      return;
    }
    synchronized (this) {
      if (!closed) {
        idle.add(c);
        return;
      }
    }
    closeQuietly(c);
  }

  private synchronized void discard(Connection c) {
    all.remove(c);
    closeQuietly(c);
  }

  @Override
  public synchronized void close() {
    closed = true;
    all.forEach(ConnectionPool::closeQuietly);
    all.clear();
    idle.clear();
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing is best effort: the file stays consistent whatever state the connection was in
    }
  }
}
