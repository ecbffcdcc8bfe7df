package dev.cairn.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code cairn local} in a JVM of its own (this test JVM's class path, {@code LocalRuntime}'s main),
 * so a test can kill it with SIGKILL and start it again on the same data directory.
 */
public final class ChildRuntime implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final URI url;

  private ChildRuntime(Process process, URI url) {
    this.process = process;
    this.url = url;
  }

  /** Starts it on {@code port} with state in {@code dataDir}; returns once it prints its URL. */
  public static ChildRuntime start(int port, Path dataDir) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
        "dev.cairn.local.LocalRuntime", "--port", String.valueOf(port), "--data-dir", dataDir.toString(),
        "--template", ProjectFiles.template().toString(), "--sweep-interval", "PT1S");
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      CompletableFuture<URI> ready = new CompletableFuture<>();
      Thread.ofVirtual().name("child-runtime-output").start(() -> relay(p, ready));
      try {
        return new ChildRuntime(p, ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      } catch (Exception e) {
        p.destroyForcibly();
        throw new IllegalStateException("the child runtime did not print its URL within " + START_TIMEOUT, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the child's output to ours (prefixed), completing {@code ready} at its "on http://..." line. */
  private static void relay(Process p, CompletableFuture<URI> ready) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        System.err.println("[child " + p.pid() + "] " + line);
        int at = line.indexOf("Cairn local runtime on ");
        if (at >= 0) {
          ready.complete(URI.create(line.substring(at + "Cairn local runtime on ".length()).split(" ")[0]));
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IllegalStateException("the child runtime exited"));
  }

  public URI url() {
    return url;
  }

  /** SIGKILL: no shutdown hook, nothing flushed or closed. */
  public void kill9() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the child runtime did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
