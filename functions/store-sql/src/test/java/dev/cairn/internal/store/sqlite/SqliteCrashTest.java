package dev.cairn.internal.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.ExecutionRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 in the middle of committing: every commit the store acknowledged is in the file after
 * reopening, the history has no gap, and SQLite finds the file intact.
 */
class SqliteCrashTest {
  private static final int ACKS_BEFORE_KILL = 3_000; // enough commits to pass WAL checkpoints (every 1,000 pages) before the kill
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Durability.class)
  void commit_shouldKeepEveryAcknowledgedCommit_whenProcessIsKilled(Durability durability) throws Exception {
    Path data = dir.resolve("data");
    Path stderr = dir.resolve("child-stderr.txt");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED",
        // keep the native library sqlite-jdbc unpacks (and leaves behind on kill -9) inside the test's directory
        "-Dorg.sqlite.tmpdir=" + Files.createDirectories(dir.resolve("native")),
        "-cp", System.getProperty("java.class.path"),
        CommitLoop.class.getName(), data.toString(), durability.name())
        .redirectError(stderr.toFile())
        .start();
    Acknowledgements acks = new Acknowledgements(child);
    Thread reader = Thread.ofPlatform().daemon().start(acks);
    try {
      assertTrue(acks.awaitAtLeast(ACKS_BEFORE_KILL, DEADLINE),
          "child acknowledged " + acks.count() + " commits before the deadline; its stderr: " + Files.readString(stderr));
    } finally {
      child.destroyForcibly();
    }
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "killed child exited");
    reader.join(Duration.ofSeconds(30));
    long lastAcked = acks.highest();
    assertTrue(lastAcked >= ACKS_BEFORE_KILL);

    try (SqliteHistoryStore store = new SqliteHistoryStore(data, Clock.systemUTC())) {
      ExecutionRecord run = store.get(CommitLoop.KEY).orElseThrow();
      assertTrue(run.version() >= lastAcked, "version " + run.version() + " holds acknowledged " + lastAcked);
      List<HistoryEvent> history = store.readHistory(CommitLoop.KEY, 1, Integer.MAX_VALUE);
      assertEquals(run.lastEventId(), history.size(), "the record and its history agree");
      for (int i = 0; i < history.size(); i++) {
        assertEquals(i + 1, history.get(i).eventId(), "no gap, no duplicate");
      }
      assertEquals(history.size(), store.findUnsentTasks(Instant.now().plusSeconds(3600), Integer.MAX_VALUE).size(),
          "every committed task is in the outbox");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteHistoryStore.FILE_NAME));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertEquals("ok", rs.getString(1));
    }
  }

  /** Reads the child's acknowledgements as they come; tests wait on them with a deadline. */
  private static final class Acknowledgements implements Runnable {
    private static final Pattern ACK = Pattern.compile("acked (\\d+) \\.");
    private final Process child;
    private long highest;
    private int count;
    private boolean ended;

    Acknowledgements(Process child) {
      this.child = child;
    }

    @Override
    public void run() {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          Matcher m = ACK.matcher(line);
          if (m.matches()) {
            acknowledged(Long.parseLong(m.group(1)));
          }
        }
      } catch (IOException e) {
        // the pipe breaks when the child is killed: what was read so far is what was acknowledged
      } finally {
        synchronized (this) {
          ended = true;
          notifyAll();
        }
      }
    }

    private synchronized void acknowledged(long version) {
      highest = Math.max(highest, version);
      count++;
      notifyAll();
    }

    synchronized boolean awaitAtLeast(int n, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (count < n && !ended) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return count >= n;
    }

    synchronized int count() {
      return count;
    }

    synchronized long highest() {
      return highest;
    }
  }
}
