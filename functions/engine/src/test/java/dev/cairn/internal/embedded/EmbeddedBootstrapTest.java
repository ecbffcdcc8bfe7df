package dev.cairn.internal.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedBootstrapTest {

  @Test
  void main_shouldRunWorkflowWithActivityAndOneSecondTimer_whenNoAddressIsConfigured() {
    assumeTrue(System.getenv("CAIRN_ADDRESS") == null, "CAIRN_ADDRESS is set: this test needs the embedded mode");
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      HelloTimerMain.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("Hello World!", lines.get(0));
    long took = Long.parseLong(lines.get(1).replaceAll("\\D", ""));
    assertTrue(took >= 1000, "the 1 s timer waits in real time, took " + took + " ms");
  }

  @Test
  void main_shouldPrintGreeting_whenRunAsItsOwnProcessWithNoServer() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HelloTimerMain.class.getName());
    pb.environment().remove("CAIRN_ADDRESS");
    pb.environment().put("CAIRN_CONFIG_FILE", "/nonexistent/cairn.toml");
    pb.redirectErrorStream(true);
    Process process = pb.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the sample's main() exits by itself");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.lines().anyMatch("Hello World!"::equals), output);
  }
}
